using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Grpc.Core;

namespace CustomerNeeds.Server.Grpc;

/// <summary>
/// The request body of a gRPC call, read through a check of every frame header before grpc-dotnet
/// sees it: a compressed flag other than 0 or 1 ends the call with INVALID_ARGUMENT. grpc-dotnet
/// reads the frame before any interceptor or marshaller runs and answers such a frame with UNKNOWN.
/// </summary>
/// <remarks>
/// Frames are followed by position in the body: the header of the next frame starts five bytes plus
/// the announced length after the previous header. A header is checked when a read returns it at the
/// start of the unconsumed bytes, which is when grpc-dotnet is about to read that message, so the
/// messages before a bad frame are still read and answered. Message bytes pass untouched.
/// </remarks>
internal sealed class FrameCheckingBodyReader(PipeReader body) : PipeReader
{
    private const int HeaderSize = 5;

    private long consumed;
    private long nextHeader;
    private ReadOnlySequence<byte> lastBuffer;

    public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        var result = await body.ReadAsync(cancellationToken);
        Check(result.Buffer);
        return result;
    }

    public override bool TryRead(out ReadResult result)
    {
        if (!body.TryRead(out result))
        {
            return false;
        }

        Check(result.Buffer);
        return true;
    }

    public override void AdvanceTo(SequencePosition consumedTo) => AdvanceTo(consumedTo, consumedTo);

    public override void AdvanceTo(SequencePosition consumedTo, SequencePosition examined)
    {
        consumed += lastBuffer.Slice(lastBuffer.Start, consumedTo).Length;
        lastBuffer = default;
        body.AdvanceTo(consumedTo, examined);
    }

    public override void CancelPendingRead() => body.CancelPendingRead();

    public override void Complete(Exception? exception = null) => body.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => body.CompleteAsync(exception);

    private void Check(ReadOnlySequence<byte> buffer)
    {
        lastBuffer = buffer;
        if (nextHeader != consumed || buffer.Length < HeaderSize)
        {
            return;
        }

        Span<byte> header = stackalloc byte[HeaderSize];
        buffer.Slice(0, HeaderSize).CopyTo(header);
        if (header[0] > 1)
        {
            throw new RpcException(new Status(
                StatusCode.InvalidArgument,
                $"The request is not a valid gRPC message frame: the compressed flag at byte {nextHeader} is {header[0]}; only 0 (not compressed) and 1 (compressed) exist."));
        }

        nextHeader += HeaderSize + (long)BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
    }
}
