using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace CustomerNeeds.Api.Tests.Infrastructure;

/// <summary>
/// gRPC calls written byte by byte over HTTP/2, for frames that no gRPC client sends: wrong
/// compressed flags, bytes that do not decompress, messages that inflate without bound.
/// </summary>
public static class RawGrpc
{
    /// <summary>One length-prefixed gRPC message: the flag byte, four bytes of big-endian length, the payload.</summary>
    public static byte[] Frame(byte compressedFlag, byte[] payload)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = compressedFlag;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    /// <summary>Posts <paramref name="body"/> to <paramref name="path"/> and returns grpc-status, grpc-message and the response messages.</summary>
    public static async Task<RawAnswer> CallAsync(Uri server, string path, byte[] body, string? encoding = null, string? bearer = null, string? timeout = null)
    {
        using var handler = new SocketsHttpHandler();
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer ?? TestTokens.Default);
        if (timeout is not null)
        {
            request.Headers.Add("grpc-timeout", timeout);
        }
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        if (encoding is not null)
        {
            request.Headers.Add("grpc-encoding", encoding);
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"HTTP {(int)response.StatusCode}, not a gRPC answer.");
        }

        static string? Find(HttpHeaders headers, string name) => headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
        var status = Find(response.TrailingHeaders, "grpc-status") ?? Find(response.Headers, "grpc-status")
            ?? throw new InvalidOperationException("The answer has no grpc-status.");
        var message = Find(response.TrailingHeaders, "grpc-message") ?? Find(response.Headers, "grpc-message");
        return new RawAnswer(
            (Grpc.Core.StatusCode)int.Parse(status, CultureInfo.InvariantCulture),
            Uri.UnescapeDataString(message ?? ""),
            Messages(bytes));
    }

    private static List<byte[]> Messages(byte[] body)
    {
        var messages = new List<byte[]>();
        for (var at = 0; at + 5 <= body.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(at + 1, 4));
            messages.Add(body.AsSpan(at + 5, length).ToArray());
            at += 5 + length;
        }

        return messages;
    }
}

/// <summary>What a <see cref="RawGrpc"/> call was answered: its status and the messages before it.</summary>
public sealed record RawAnswer(Grpc.Core.StatusCode Status, string Message, IReadOnlyList<byte[]> Messages);
