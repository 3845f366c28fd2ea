using Google.Protobuf;
using Grpc.Core;

namespace CustomerNeeds.Server.Grpc;

/// <summary>Wraps a request marshaller so that bytes which do not parse give INVALID_ARGUMENT.</summary>
internal static class GuardedMarshaller
{
    public static Marshaller<T> Wrap<T>(Marshaller<T> inner) =>
        new(inner.ContextualSerializer, context => Deserialize(inner, context));

    private static T Deserialize<T>(Marshaller<T> inner, DeserializationContext context)
    {
        try
        {
            return inner.ContextualDeserializer(context);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"The request is not a valid {typeof(T).Name} protobuf message: {ex.Message}"));
        }
    }
}
