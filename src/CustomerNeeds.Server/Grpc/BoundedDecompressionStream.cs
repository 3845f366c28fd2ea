namespace CustomerNeeds.Server.Grpc;

/// <summary>A read-only decompression stream that counts what it inflates and turns decoding errors into statuses (see <see cref="BoundedDecompression"/>).</summary>
internal sealed class BoundedDecompressionStream(Stream inflating, string encoding, int maxMessageBytes) : Stream
{
    private long inflated;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read;
        try
        {
            read = inflating.Read(buffer);
        }
        catch (InvalidDataException ex)
        {
            throw BoundedDecompression.Corrupt(encoding, ex);
        }

        return Counted(read);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        try
        {
            read = await inflating.ReadAsync(buffer, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            throw BoundedDecompression.Corrupt(encoding, ex);
        }

        return Counted(read);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Counted(int read)
    {
        inflated += read;
        if (inflated > maxMessageBytes)
        {
            throw BoundedDecompression.TooLarge(encoding, maxMessageBytes);
        }

        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inflating.Dispose();
        }

        base.Dispose(disposing);
    }
}
