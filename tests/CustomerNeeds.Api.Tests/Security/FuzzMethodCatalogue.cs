using System.Reflection;
using CustomerNeeds.Api.V1;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Security;

/// <summary>One RPC of the public contract, as its descriptor gives it.</summary>
public sealed record FuzzMethod(string Service, string Name, MethodType Type, MessageDescriptor Input)
{
    public string FullName => $"/{Service}/{Name}";

    /// <summary>The method as raw bytes in and out, so any payload can be sent.</summary>
    public Method<byte[], byte[]> Raw { get; } = new(Type, Service, Name, FuzzMethodCatalogue.Bytes, FuzzMethodCatalogue.Bytes);
}

/// <summary>
/// Every method of every service of package <c>customerneeds.v1</c>, read from the file
/// descriptors generated into the CustomerNeeds.Api assembly (not a hand-kept list).
/// </summary>
public static class FuzzMethodCatalogue
{
    public const string Package = "customerneeds.v1";

    /// <summary>Bytes in, bytes out.</summary>
    public static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    public static IReadOnlyList<FuzzMethod> All() =>
        typeof(CustomerService).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(p => p?.PropertyType == typeof(FileDescriptor))
            .Select(p => (FileDescriptor)p!.GetValue(null)!)
            .Where(f => f.Package == Package)
            .SelectMany(f => f.Services)
            .SelectMany(s => s.Methods.Select(m => new FuzzMethod(s.FullName, m.Name, TypeOf(m), m.InputType)))
            .DistinctBy(m => m.FullName)
            .OrderBy(m => m.FullName, StringComparer.Ordinal)
            .ToList();

    private static MethodType TypeOf(MethodDescriptor method) => (method.IsClientStreaming, method.IsServerStreaming) switch
    {
        (false, false) => MethodType.Unary,
        (false, true) => MethodType.ServerStreaming,
        (true, false) => MethodType.ClientStreaming,
        (true, true) => MethodType.DuplexStreaming,
    };
}
