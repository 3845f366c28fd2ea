using Grpc.Core;
using Grpc.Net.Compression;

namespace CustomerNeeds.Server.Grpc;

/// <summary>
/// A request-decompression provider that answers bytes which do not decompress with INVALID_ARGUMENT
/// (grpc-dotnet alone answers UNKNOWN) and stops a message that inflates past the receive limit
/// with RESOURCE_EXHAUSTED (grpc-dotnet alone checks the limit only on the compressed size, so a
/// small compressed message could inflate without bound in server memory).
/// </summary>
internal sealed class BoundedDecompression(ICompressionProvider provider, int maxMessageBytes) : ICompressionProvider
{
    public string EncodingName => provider.EncodingName;

    public Stream CreateCompressionStream(Stream stream, System.IO.Compression.CompressionLevel? compressionLevel) =>
        provider.CreateCompressionStream(stream, compressionLevel);

    public Stream CreateDecompressionStream(Stream stream) =>
        new BoundedDecompressionStream(provider.CreateDecompressionStream(stream), EncodingName, maxMessageBytes);

    /// <summary>The message decompressed so far is larger than the receive limit.</summary>
    public static RpcException TooLarge(string encoding, int maxMessageBytes) =>
        new(new Status(StatusCode.ResourceExhausted, $"The request message, decompressed ({encoding}), is larger than the limit of {maxMessageBytes} bytes."));

    /// <summary>The message bytes are not valid for the encoding named in grpc-encoding.</summary>
    public static RpcException Corrupt(string encoding, Exception cause) =>
        new(new Status(StatusCode.InvalidArgument, $"The request message could not be decompressed as {encoding}: {cause.Message}"));
}
