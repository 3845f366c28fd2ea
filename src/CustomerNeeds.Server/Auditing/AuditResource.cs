using CustomerNeeds.Domain.Privacy;

namespace CustomerNeeds.Server.Auditing;

/// <summary>Replaces the customer id in a resource name by its hash, so that the audit log never holds a customer id.</summary>
public static class AuditResource
{
    private const string CustomersPrefix = "customers/";

    /// <summary>
    /// <c>customers/c-1/needs/n3</c> becomes (<c>customers/#&lt;hash&gt;/needs/n3</c>, <c>&lt;hash&gt;</c>);
    /// a resource that names no customer is returned as is, with an empty hash.
    /// </summary>
    public static (string Resource, string CustomerHash) Pseudonymise(string resource)
    {
        if (!resource.StartsWith(CustomersPrefix, StringComparison.Ordinal) || resource.Length == CustomersPrefix.Length)
        {
            return (resource, "");
        }

        var rest = resource.AsSpan(CustomersPrefix.Length);
        var slash = rest.IndexOf('/');
        var id = slash < 0 ? rest.ToString() : rest[..slash].ToString();
        var tail = slash < 0 ? "" : rest[slash..].ToString();
        var hash = CustomerHash.Of(id);
        return (CustomersPrefix + "#" + hash + tail, hash);
    }
}
