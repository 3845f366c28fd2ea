using Google.Protobuf.Reflection;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Security;

/// <summary>
/// The payloads of one fuzzed call: a random message of the request type, a mutation of one, or
/// plain random bytes; several of them for a client-streaming method.
/// </summary>
public sealed class FuzzPayloads(Random random, IReadOnlyList<string> resourceNames)
{
    private readonly FuzzValues values = new(random, resourceNames);
    private readonly FuzzMutator mutator = new(random);
    private FuzzMessageGenerator? generator;

    public IReadOnlyList<byte[]> For(FuzzMethod method)
    {
        var count = method.Type is MethodType.ClientStreaming or MethodType.DuplexStreaming ? random.Next(1, 6) : 1;
        return Enumerable.Range(0, count).Select(_ => One(method.Input)).ToList();
    }

    private byte[] One(MessageDescriptor input)
    {
        generator ??= new FuzzMessageGenerator(values);
        return random.Next(10) switch
        {
            < 5 => generator.Generate(input),
            < 9 => mutator.Mutate(generator.Generate(input)),
            _ => values.Bytes(),
        };
    }
}
