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
    public static Task WriteAsync(HttpContext context, StatusCode code, string message, params IMessage[] details)
    {
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
        return response.CompleteAsync();
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
