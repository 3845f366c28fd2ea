using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace CustomerNeeds.Server.Security;

/// <summary>
/// Keeps a caller whose personal fields are masked from learning them through a search: a filter on
/// <c>attributes</c> or an order by <c>display_name</c> (in ListCustomers, or in a segment's filter) is
/// PERMISSION_DENIED for it (docs/security.md, "Masking").
/// </summary>
public static partial class PersonalSearchGuard
{
    /// <summary>Throws PERMISSION_DENIED when <paramref name="request"/> filters or sorts on a personal field.</summary>
    public static void Demand(IMessage request)
    {
        foreach (var (field, value) in SearchTexts(request))
        {
            if (PersonalField().Match(value) is { Success: true } match)
            {
                throw new RpcException(new Status(StatusCode.PermissionDenied,
                    $"{field} names the personal field {match.Value}, which this caller may not read; search and sort on other fields."));
            }
        }
    }

    private static IEnumerable<(string Field, string Value)> SearchTexts(IMessage message, string prefix = "")
    {
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            if (field is { FieldType: FieldType.String, IsRepeated: false } && field.Name is "filter" or "order_by"
                && field.Accessor.GetValue(message) is string { Length: > 0 } text)
            {
                yield return (prefix + field.Name, text);
            }
            else if (prefix.Length == 0 && field is { FieldType: FieldType.Message, IsRepeated: false, IsMap: false }
                && field.MessageType.File.Package != "google.protobuf" && field.Accessor.GetValue(message) is IMessage nested)
            {
                foreach (var inner in SearchTexts(nested, field.Name + "."))
                {
                    yield return inner;
                }
            }
        }
    }

    [GeneratedRegex(@"\b(attributes|display_name)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PersonalField();
}
