namespace CustomerNeeds.Api.Tests.Security;

/// <summary>
/// Mutations of a serialized message: bit flips, truncation, inserted and deleted bytes,
/// duplicated fields, corrupted varints and lengths, wrong wire types, lengths far beyond the end.
/// </summary>
public sealed class FuzzMutator(Random random)
{
    public byte[] Mutate(byte[] message)
    {
        var bytes = new List<byte>(message);
        for (var n = random.Next(1, 5); n > 0; n--)
        {
            Once(bytes);
        }

        return [.. bytes];
    }

    private void Once(List<byte> bytes)
    {
        var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
        switch (random.Next(10))
        {
            case 0 when bytes.Count > 0: // bit flip
                bytes[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1: // truncation
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            case 2: // random bytes inserted
                bytes.InsertRange(at, RandomBytes(random.Next(1, 16)));
                break;
            case 3 when bytes.Count > 0: // a region deleted
                bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 16)));
                break;
            case 4: // the message (its fields) twice, or a region duplicated
                if (random.Next(2) == 0)
                {
                    bytes.AddRange(bytes.ToArray());
                }
                else
                {
                    var length = Math.Min(bytes.Count - at, random.Next(1, 32));
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                }

                break;
            case 5: // a varint that never ends or is too long
                bytes.InsertRange(at, Enumerable.Repeat((byte)0xFF, random.Next(1, 12)));
                break;
            case 6 when bytes.Count > 0: // a wrong wire type (in a tag, if this byte is one)
                bytes[at] = (byte)((bytes[at] & ~7) | random.Next(8));
                break;
            case 7: // a length-delimited field whose length runs far beyond the message
                var length32 = new byte[5];
                var huge = random.Next(2) == 0 ? int.MaxValue : random.Next(1, 1 << 24);
                var size = WriteVarint(length32, (uint)huge);
                bytes.InsertRange(at, [(byte)((random.Next(1, 16) << 3) | 2), .. length32[..size]]);
                break;
            case 8: // deep nesting: field 1 as a message inside itself, many levels
                var nested = new List<byte>();
                for (var level = random.Next(50, 200); level > 0; level--)
                {
                    nested.InsertRange(0, [0x0A, .. Varint(nested.Count)]);
                }

                bytes.InsertRange(at, nested);
                break;
            default: // a random byte
                if (bytes.Count > 0)
                {
                    bytes[at] = (byte)random.Next(256);
                }

                break;
        }
    }

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Varint(int value)
    {
        var buffer = new byte[5];
        return buffer[..WriteVarint(buffer, (uint)value)];
    }

    private static int WriteVarint(byte[] buffer, uint value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            buffer[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        buffer[i++] = (byte)value;
        return i;
    }
}
