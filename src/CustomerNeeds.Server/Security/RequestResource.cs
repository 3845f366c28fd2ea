using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CustomerNeeds.Server.Security;

/// <summary>
/// The resource a request names (<c>customers/c-1</c>, <c>customers/c-1/needs/n3</c>, <c>apiKeys/k1</c>),
/// found in its message by field name: <c>name</c>, <c>parent</c>, <c>customer</c>, <c>target</c>, the
/// <c>name</c> of a nested resource message (UpdateCustomer's <c>customer.name</c>), or CreateCustomer's
/// <c>customer_id</c>. Kept on the call for the served-customer check and the audit log.
/// </summary>
public static class RequestResource
{
    private const string Key = "customerneeds.resource";
    private static readonly string[] NameFields = ["name", "parent", "customer", "target"];

    /// <summary>The resource recorded for the call; empty when none.</summary>
    public static string Get(HttpContext context) => context.Items.TryGetValue(Key, out var value) && value is string s ? s : "";

    /// <summary>Records the resource of the call (the first request message of a stream).</summary>
    public static void Set(HttpContext context, string resource) => context.Items[Key] = resource;

    /// <summary>The resource <paramref name="request"/> names; empty when none.</summary>
    public static string Of(IMessage request)
    {
        var descriptor = request.Descriptor;
        foreach (var fieldName in NameFields)
        {
            if (descriptor.FindFieldByName(fieldName) is { FieldType: FieldType.String, IsRepeated: false } field
                && field.Accessor.GetValue(request) is string { Length: > 0 } value)
            {
                return value;
            }
        }

        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            if (field is { FieldType: FieldType.Message, IsRepeated: false } && !IsWellKnown(field.MessageType)
                && field.Accessor.GetValue(request) is IMessage nested
                && nested.Descriptor.FindFieldByName("name") is { FieldType: FieldType.String, IsRepeated: false } nameField
                && nameField.Accessor.GetValue(nested) is string { Length: > 0 } nestedName)
            {
                return nestedName;
            }
        }

        if (descriptor.FindFieldByName("customer_id") is { FieldType: FieldType.String } idField
            && idField.Accessor.GetValue(request) is string { Length: > 0 } id)
        {
            return "customers/" + id;
        }

        return "";
    }

    /// <summary>The customer id of a resource name <c>customers/{id}[/...]</c>; null for any other.</summary>
    public static string? CustomerIdOf(string resource)
    {
        const string prefix = "customers/";
        if (!resource.StartsWith(prefix, StringComparison.Ordinal) || resource.Length == prefix.Length)
        {
            return null;
        }

        var rest = resource[prefix.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return slash switch
        {
            < 0 => rest,
            0 => null,
            _ => rest[..slash],
        };
    }

    private static bool IsWellKnown(MessageDescriptor type) => type.File.Package == "google.protobuf";
}
