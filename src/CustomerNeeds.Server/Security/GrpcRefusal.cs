using System.Text;
using Google.Protobuf;
using Grpc.Core;

namespace CustomerNeeds.Server.Security;

/// <summary>
/// Answers a gRPC request before its handler runs, as a trailers-only response (HTTP 200 with
/// <c>grpc-status</c>, <c>grpc-message</c> and <c>grpc-status-details-bin</c>): a real gRPC status,
/// never a bare HTTP error that a client or proxy might retry blindly.
/// </summary>
internal static class GrpcRefusal
{
    /// <summary>How much of a refused request's body is read and dropped before the answer (the largest request message and its frame).</summary>
    private const long DrainLimit = Hosting.ServerApp.MaxRequestMessageBytes + 5;

    private static readonly TimeSpan DrainTime = TimeSpan.FromSeconds(1);

    public static async Task WriteAsync(HttpContext context, StatusCode code, string message, params IMessage[] details)
    {
        await DrainAsync(context);
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        foreach (var detail in details)
        {
            status.Details.Add(Google.Protobuf.WellKnownTypes.Any.Pack(detail));
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = PercentEncode(message);
        response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray()).TrimEnd('=');
        await response.CompleteAsync();
    }

    /// <summary>
    /// Reads what the client sends of its request (bounded in bytes and time) before the answer, as a handler
    /// would: an HTTP/2 stream answered while its request is still arriving is reset, and Kestrel answers a
    /// client with many such streams ENHANCE_YOUR_CALM, failing its other calls.
    /// </summary>
    private static async Task DrainAsync(HttpContext context)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(DrainTime);
        var reader = context.Request.BodyReader;
        long read = 0;
        try
        {
            while (read <= DrainLimit)
            {
                var result = await reader.ReadAsync(timeout.Token);
                read += result.Buffer.Length;
                reader.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException or RpcException
            or Microsoft.AspNetCore.Http.BadHttpRequestException)
        {
            // A body that does not arrive, ends badly or breaks the frame rules: the refusal is answered all the same.
        }
    }

    /// <summary>The gRPC encoding of grpc-message: bytes outside printable ASCII, and '%', as %XX of their UTF-8.</summary>
    private static string PercentEncode(string message)
    {
        var builder = new StringBuilder(message.Length);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
