using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CustomerNeeds.Api.Tests.Security;

/// <summary>
/// Random messages of a request type, written field by field from its descriptor in the wire
/// format: every field type, nested messages, repeated fields (packed or not), maps, defined and
/// undefined enum numbers, strings that are not UTF-8, field masks naming real and unreal
/// fields, and now and then a field the type does not have.
/// </summary>
public sealed class FuzzMessageGenerator(FuzzValues values)
{
    private const int MaxDepth = 5;

    public byte[] Generate(MessageDescriptor descriptor)
    {
        var paths = FieldPaths(descriptor);
        return Message(descriptor, 0, paths);
    }

    private byte[] Message(MessageDescriptor descriptor, int depth, IReadOnlyList<string> paths)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        if (descriptor.FullName == "google.protobuf.FieldMask")
        {
            for (var i = values.Count(4); i > 0; i--)
            {
                output.WriteTag(1, WireFormat.WireType.LengthDelimited);
                output.WriteString(values.Chance(0.7) && paths.Count > 0 ? values.Pick(paths) : values.String("path"));
            }
        }
        else
        {
            var include = depth == 0 ? 0.8 : 0.5 / depth;
            foreach (var field in descriptor.Fields.InFieldNumberOrder())
            {
                if (!values.Chance(include))
                {
                    continue;
                }

                if (field.IsMap || (field.IsRepeated && !IsPackable(field)) || (field.IsRepeated && values.Chance(0.5)))
                {
                    for (var i = values.Count(3); i > 0; i--)
                    {
                        Field(output, field, depth, paths);
                    }
                }
                else if (field.IsRepeated)
                {
                    Packed(output, field);
                }
                else
                {
                    Field(output, field, depth, paths);
                }
            }
        }

        if (values.Chance(0.05))
        {
            output.WriteTag(9000 + values.Count(100), WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(values.Bytes()));
        }

        output.Flush();
        return buffer.ToArray();
    }

    private void Field(CodedOutputStream output, FieldDescriptor field, int depth, IReadOnlyList<string> paths)
    {
        var number = field.FieldNumber;
        switch (field.FieldType)
        {
            case FieldType.Message or FieldType.Group:
                output.WriteTag(number, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(ByteString.CopyFrom(depth < MaxDepth ? Message(field.MessageType, depth + 1, paths) : []));
                break;
            case FieldType.String:
                output.WriteTag(number, WireFormat.WireType.LengthDelimited);
                if (values.Chance(0.03))
                {
                    output.WriteBytes(ByteString.CopyFrom(values.InvalidUtf8()));
                }
                else
                {
                    output.WriteString(values.String(field.Name));
                }

                break;
            case FieldType.Bytes:
                output.WriteTag(number, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(ByteString.CopyFrom(values.Bytes()));
                break;
            default:
                output.WriteTag(number, WireTypeOf(field.FieldType));
                Scalar(output, field);
                break;
        }
    }

    private void Packed(CodedOutputStream output, FieldDescriptor field)
    {
        using var buffer = new MemoryStream();
        var packed = new CodedOutputStream(buffer);
        for (var i = values.Count(5); i > 0; i--)
        {
            Scalar(packed, field);
        }

        packed.Flush();
        output.WriteTag(field.FieldNumber, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(buffer.ToArray()));
    }

    private void Scalar(CodedOutputStream output, FieldDescriptor field)
    {
        switch (field.FieldType)
        {
            case FieldType.Double: output.WriteDouble(values.Double()); break;
            case FieldType.Float: output.WriteFloat((float)values.Double()); break;
            case FieldType.Int64: output.WriteInt64(values.Int64()); break;
            case FieldType.UInt64: output.WriteUInt64((ulong)values.Int64()); break;
            case FieldType.SInt64: output.WriteSInt64(values.Int64()); break;
            case FieldType.Fixed64: output.WriteFixed64((ulong)values.Int64()); break;
            case FieldType.SFixed64: output.WriteSFixed64(values.Int64()); break;
            case FieldType.Int32: output.WriteInt32(values.Int32()); break;
            case FieldType.UInt32: output.WriteUInt32((uint)values.Int32()); break;
            case FieldType.SInt32: output.WriteSInt32(values.Int32()); break;
            case FieldType.Fixed32: output.WriteFixed32((uint)values.Int32()); break;
            case FieldType.SFixed32: output.WriteSFixed32(values.Int32()); break;
            case FieldType.Bool: output.WriteUInt64(values.Chance(0.9) ? (ulong)values.Count(1) : (ulong)values.Int64()); break;
            case FieldType.Enum:
                output.WriteEnum(values.Chance(0.7) ? values.Pick(field.EnumType.Values.ToList()).Number : values.Int32());
                break;
            default: throw new InvalidOperationException($"{field.FieldType} is not a scalar.");
        }
    }

    private static bool IsPackable(FieldDescriptor field) =>
        field.FieldType is not (FieldType.String or FieldType.Bytes or FieldType.Message or FieldType.Group);

    private static WireFormat.WireType WireTypeOf(FieldType type) => type switch
    {
        FieldType.Double or FieldType.Fixed64 or FieldType.SFixed64 => WireFormat.WireType.Fixed64,
        FieldType.Float or FieldType.Fixed32 or FieldType.SFixed32 => WireFormat.WireType.Fixed32,
        _ => WireFormat.WireType.Varint,
    };

    /// <summary>Field paths of the request's messages (for update masks): names and dotted names two levels deep.</summary>
    private static List<string> FieldPaths(MessageDescriptor request)
    {
        var paths = new List<string>();
        foreach (var field in request.Fields.InDeclarationOrder().Where(f => f.FieldType == FieldType.Message && !f.IsMap))
        {
            foreach (var inner in field.MessageType.Fields.InDeclarationOrder())
            {
                paths.Add(inner.Name);
                if (inner.FieldType == FieldType.Message && !inner.IsMap && !inner.IsRepeated)
                {
                    paths.AddRange(inner.MessageType.Fields.InDeclarationOrder().Select(f => $"{inner.Name}.{f.Name}"));
                }
            }
        }

        return paths;
    }
}
