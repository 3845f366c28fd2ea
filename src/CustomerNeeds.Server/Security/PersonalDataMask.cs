using System.Collections;
using System.Collections.Concurrent;
using CustomerNeeds.Api.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CustomerNeeds.Server.Security;

/// <summary>
/// Masks the fields marked <c>personal_data</c> in the protos (docs/security.md, "Masking"), in place and
/// at any depth: a non-empty string becomes <c>***</c>; a repeated field or a map is cleared; a message is
/// cleared. Which fields of a message type to mask or to descend into is worked out once per type.
/// </summary>
public static class PersonalDataMask
{
    /// <summary>What a masked string reads.</summary>
    public const string Masked = "***";

    private static readonly ConcurrentDictionary<MessageDescriptor, Plan> Plans = new();

    /// <summary>Masks <paramref name="message"/> in place.</summary>
    public static void Apply(IMessage message)
    {
        var plan = PlanOf(message.Descriptor);
        if (plan.IsEmpty)
        {
            return;
        }

        foreach (var field in plan.Personal)
        {
            Mask(message, field);
        }

        foreach (var field in plan.Descend)
        {
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    if (entry.Value is IMessage nested)
                    {
                        Apply(nested);
                    }
                }
            }
            else if (field.IsRepeated)
            {
                foreach (var item in (IList)value)
                {
                    Apply((IMessage)item);
                }
            }
            else if (value is IMessage nested)
            {
                Apply(nested);
            }
        }
    }

    /// <summary>Whether <paramref name="field"/> is marked personal_data.</summary>
    public static bool IsPersonal(FieldDescriptor field) => field.GetOptions()?.GetExtension(AnnotationsExtensions.PersonalData) == true;

    private static void Mask(IMessage message, FieldDescriptor field)
    {
        if (field.IsMap)
        {
            ((IDictionary)field.Accessor.GetValue(message)).Clear();
        }
        else if (field.IsRepeated)
        {
            ((IList)field.Accessor.GetValue(message)).Clear();
        }
        else if (field.FieldType == FieldType.String)
        {
            if (field.Accessor.GetValue(message) is string { Length: > 0 })
            {
                field.Accessor.SetValue(message, Masked);
            }
        }
        else
        {
            field.Accessor.Clear(message);
        }
    }

    private static Plan PlanOf(MessageDescriptor descriptor) => Plans.GetOrAdd(descriptor, d => Build(d, []));

    private static Plan Build(MessageDescriptor descriptor, HashSet<MessageDescriptor> visiting)
    {
        visiting.Add(descriptor);
        var personal = new List<FieldDescriptor>();
        var descend = new List<FieldDescriptor>();
        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            if (IsPersonal(field))
            {
                personal.Add(field);
                continue;
            }

            var type = field.IsMap ? field.MessageType.FindFieldByNumber(2).MessageType : field.FieldType == FieldType.Message ? field.MessageType : null;
            if (type is not null && (visiting.Contains(type) || !Build(type, visiting).IsEmpty))
            {
                descend.Add(field);
            }
        }

        visiting.Remove(descriptor);
        return new Plan(personal, descend);
    }

    private sealed record Plan(IReadOnlyList<FieldDescriptor> Personal, IReadOnlyList<FieldDescriptor> Descend)
    {
        public bool IsEmpty => Personal.Count == 0 && Descend.Count == 0;
    }
}
