using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Security;

/// <summary>
/// Every RPC of the public contract (package customerneeds.v1), found in the generated file descriptors
/// of the CustomerNeeds.Api assembly, not in a hand-kept list; and a way to call any of them with raw bytes.
/// </summary>
public static class ContractMethods
{
    public const string Package = "customerneeds.v1";

    /// <summary>Every method of every service of the package, ordered by full name.</summary>
    public static IReadOnlyList<MethodDescriptor> All { get; } = typeof(CustomerNeeds.Api.V1.CustomerService).Assembly.GetTypes()
        .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
        .Where(p => p?.PropertyType == typeof(FileDescriptor))
        .Select(p => (FileDescriptor)p!.GetValue(null)!)
        .Where(f => f.Package == Package)
        .SelectMany(f => f.Services)
        .SelectMany(s => s.Methods)
        .DistinctBy(m => m.FullName)
        .OrderBy(m => m.FullName, StringComparer.Ordinal)
        .ToList();

    /// <summary>The method's name as docs/security.md writes it: <c>Service/Method</c>.</summary>
    public static string MatrixName(MethodDescriptor method) => method.Service.Name + "/" + method.Name;

    /// <summary>A request of the method's type with its resource field (name, parent or customer) set to <paramref name="resource"/>.</summary>
    public static byte[] RequestNaming(MethodDescriptor method, string resource)
    {
        var message = (IMessage)Activator.CreateInstance(method.InputType.ClrType)!;
        foreach (var fieldName in new[] { "name", "parent", "customer" })
        {
            if (method.InputType.FindFieldByName(fieldName) is { FieldType: FieldType.String, IsRepeated: false } field)
            {
                field.Accessor.SetValue(message, resource);
                break;
            }
        }

        return message.ToByteArray();
    }

    /// <summary>Calls <paramref name="method"/> with one request of <paramref name="payload"/> bytes; the status it ended with.</summary>
    public static async Task<Status> CallAsync(CallInvoker invoker, MethodDescriptor method, byte[] payload, int seconds = 30)
    {
        var marshaller = Marshallers.Create(b => b, b => b);
        var type = (method.IsClientStreaming, method.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (false, true) => MethodType.ServerStreaming,
            (true, false) => MethodType.ClientStreaming,
            _ => MethodType.DuplexStreaming,
        };
        var grpcMethod = new Method<byte[], byte[]>(type, method.Service.FullName, method.Name, marshaller, marshaller);
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(seconds));
        try
        {
            switch (type)
            {
                case MethodType.Unary:
                    await invoker.AsyncUnaryCall(grpcMethod, null, options, payload);
                    return Status.DefaultSuccess;
                case MethodType.ServerStreaming:
                {
                    using var call = invoker.AsyncServerStreamingCall(grpcMethod, null, options, payload);

                    // A watch never ends by itself: the first message, or the status, is the answer.
                    if (await call.ResponseStream.MoveNext(CancellationToken.None) && method.Name == "WatchCustomer")
                    {
                        return Status.DefaultSuccess;
                    }

                    while (await call.ResponseStream.MoveNext(CancellationToken.None))
                    {
                    }

                    return call.GetStatus();
                }

                default:
                {
                    using var call = invoker.AsyncDuplexStreamingCall(grpcMethod, null, options);
                    await call.RequestStream.WriteAsync(payload);
                    await call.RequestStream.CompleteAsync();
                    while (await call.ResponseStream.MoveNext(CancellationToken.None))
                    {
                    }

                    return call.GetStatus();
                }
            }
        }
        catch (RpcException e)
        {
            return e.Status;
        }
    }
}
