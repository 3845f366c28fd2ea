using System.Text;
using System.Text.RegularExpressions;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Security;

/// <summary>How one fuzzed call ended: its status and what it gave back that a caller could read.</summary>
public sealed record FuzzOutcome(StatusCode Code, string Detail, Metadata Trailers)
{
    /// <summary>What is wrong with this outcome, or null: UNKNOWN, INTERNAL, or a stack trace in the detail or a trailer.</summary>
    public string? Finding()
    {
        if (Code is StatusCode.Unknown or StatusCode.Internal)
        {
            return $"status {Code}: {Detail}";
        }

        if (FuzzCall.LooksLikeStackTrace(Detail))
        {
            return $"stack trace in the status detail: {Detail}";
        }

        foreach (var entry in Trailers)
        {
            var text = entry.IsBinary ? Encoding.UTF8.GetString(entry.ValueBytes) : entry.Value;
            if (FuzzCall.LooksLikeStackTrace(text))
            {
                return $"stack trace in trailer {entry.Key}: {text}";
            }
        }

        return null;
    }
}

/// <summary>
/// Sends one payload (or several, to a client-streaming method) as raw bytes through a call
/// invoker, honouring the method's type, and returns how the call ended.
/// </summary>
public static partial class FuzzCall
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    /// <summary>Server streams (WatchCustomer) run until the end or this deadline.</summary>
    public static readonly TimeSpan StreamDeadline = TimeSpan.FromSeconds(2);

    public static bool LooksLikeStackTrace(string text) =>
        text.Contains("Exception", StringComparison.Ordinal) || text.Contains("   at ", StringComparison.Ordinal) || Frame().IsMatch(text);

    public static async Task<FuzzOutcome> SendAsync(CallInvoker invoker, FuzzMethod method, IReadOnlyList<byte[]> payloads)
    {
        try
        {
            switch (method.Type)
            {
                case MethodType.Unary:
                {
                    using var call = invoker.AsyncUnaryCall(method.Raw, null, Options(Deadline), payloads[0]);
                    await call.ResponseAsync;
                    return new FuzzOutcome(StatusCode.OK, "", call.GetTrailers());
                }

                case MethodType.ServerStreaming:
                {
                    using var call = invoker.AsyncServerStreamingCall(method.Raw, null, Options(StreamDeadline), payloads[0]);
                    while (await call.ResponseStream.MoveNext(CancellationToken.None))
                    {
                    }

                    return new FuzzOutcome(StatusCode.OK, "", call.GetTrailers());
                }

                case MethodType.ClientStreaming:
                {
                    using var call = invoker.AsyncClientStreamingCall(method.Raw, null, Options(Deadline));
                    await WriteAllAsync(call.RequestStream, payloads);
                    await call.ResponseAsync;
                    return new FuzzOutcome(StatusCode.OK, "", call.GetTrailers());
                }

                default:
                {
                    using var call = invoker.AsyncDuplexStreamingCall(method.Raw, null, Options(Deadline));
                    var reading = ReadAllAsync(call.ResponseStream);
                    await WriteAllAsync(call.RequestStream, payloads);
                    await reading;
                    return new FuzzOutcome(StatusCode.OK, "", call.GetTrailers());
                }
            }
        }
        catch (RpcException ex)
        {
            return new FuzzOutcome(ex.StatusCode, ex.Status.Detail, ex.Trailers);
        }
    }

    private static CallOptions Options(TimeSpan deadline) => new(deadline: DateTime.UtcNow.Add(deadline));

    private static async Task WriteAllAsync(IClientStreamWriter<byte[]> requests, IReadOnlyList<byte[]> payloads)
    {
        try
        {
            foreach (var payload in payloads)
            {
                await requests.WriteAsync(payload);
            }

            await requests.CompleteAsync();
        }
        catch (Exception ex) when (ex is RpcException or InvalidOperationException)
        {
            // The server ended the call early; its status comes with the response.
        }
    }

    private static async Task ReadAllAsync(IAsyncStreamReader<byte[]> responses)
    {
        while (await responses.MoveNext(CancellationToken.None))
        {
        }
    }

    /// <summary>A .NET stack frame: "at Namespace.Type.Method(".</summary>
    [GeneratedRegex(@"\bat [A-Za-z_][\w.`<>+]*\.[\w<>`]+\(")]
    private static partial Regex Frame();
}
