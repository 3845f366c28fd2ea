using System.Collections;
using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CustomerNeeds.Server.Validation;

/// <summary>
/// Text with a NUL character (U+0000) cannot be stored by PostgreSQL: a request holding one anywhere (any
/// string field, nested, repeated or a map key or value) is INVALID_ARGUMENT with a violation per field,
/// before anything runs. Without this check the write failed in storage and was answered UNAVAILABLE (retry),
/// failing the other writes of its commit group too.
/// </summary>
public static class NulCharacters
{
    private const string Description = "must not contain the NUL character (U+0000)";

    /// <summary>Adds a violation for every string in <paramref name="message"/> that holds a NUL character.</summary>
    public static void Check(FieldViolations violations, IMessage message, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(violations);
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            var path = prefix + field.Name;
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    var at = $"{path}[{Convert.ToString(entry.Key, CultureInfo.InvariantCulture)?.Replace("\0", "\\0", StringComparison.Ordinal)}]";
                    CheckValue(violations, at, entry.Key);
                    CheckValue(violations, at, entry.Value);
                }
            }
            else if (field.IsRepeated)
            {
                var n = 0;
                foreach (var item in (IList)value)
                {
                    CheckValue(violations, string.Create(CultureInfo.InvariantCulture, $"{path}[{n++}]"), item);
                }
            }
            else if (field.FieldType is FieldType.String or FieldType.Message)
            {
                CheckValue(violations, path, value);
            }
        }
    }

    private static void CheckValue(FieldViolations violations, string path, object? value)
    {
        switch (value)
        {
            case string text when text.Contains('\0', StringComparison.Ordinal):
                violations.Add(path, Description);
                break;
            case IMessage nested when nested.Descriptor.File.Package != "google.protobuf" || nested.Descriptor.Name is "Struct" or "Value" or "ListValue":
                Check(violations, nested, path + ".");
                break;
        }
    }
}
