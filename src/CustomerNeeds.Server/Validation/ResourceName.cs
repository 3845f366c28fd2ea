using CustomerNeeds.Domain;

namespace CustomerNeeds.Server.Validation;

/// <summary>
/// Builds and parses the resource names of the contract: <c>customers/{c}</c>,
/// <c>customers/{c}/needs/{n}</c>, <c>customers/{c}/interactions/{i}</c>,
/// <c>customers/{c}/complaints/{k}</c> and <c>customers/{c}/loyalty</c>. Every id follows
/// <see cref="ResourceId"/> (^[A-Za-z0-9._-]{1,128}$). Parsing reports a malformed name as a
/// violation on the request field that carried it and returns empty ids.
/// </summary>
public static class ResourceName
{
    public const string CustomersCollection = "customers";
    public const string NeedsCollection = "needs";
    public const string InteractionsCollection = "interactions";
    public const string ComplaintsCollection = "complaints";
    public const string LoyaltySingleton = "loyalty";
    public const string KanoFeaturesCollection = "kanoFeatures";

    public static string ForCustomer(string customerId) => $"{CustomersCollection}/{customerId}";

    public static string ForNeed(string customerId, string needId) => $"{CustomersCollection}/{customerId}/{NeedsCollection}/{needId}";

    public static string ForInteraction(string customerId, string interactionId) =>
        $"{CustomersCollection}/{customerId}/{InteractionsCollection}/{interactionId}";

    public static string ForComplaint(string customerId, string complaintId) =>
        $"{CustomersCollection}/{customerId}/{ComplaintsCollection}/{complaintId}";

    public static string ForLoyalty(string customerId) => $"{CustomersCollection}/{customerId}/{LoyaltySingleton}";

    public static string ForKanoFeature(string featureId) => $"{KanoFeaturesCollection}/{featureId}";

    /// <summary>Parses <c>kanoFeatures/{feature}</c>; returns the feature id, or "" after adding a violation.</summary>
    public static string KanoFeature(FieldViolations violations, string field, string? name)
    {
        const string pattern = "kanoFeatures/{feature}";
        ArgumentNullException.ThrowIfNull(violations);
        if (string.IsNullOrEmpty(name))
        {
            violations.Add(field, $"is required ({pattern})");
            return "";
        }

        var parts = name.Split('/');
        if (parts.Length != 2 || parts[0] != KanoFeaturesCollection || !ResourceId.IsValid(parts[1]))
        {
            violations.Add(field, $"must have the form {pattern}; ids are 1 to 128 characters of letters, digits, '-', '_' and '.'");
            return "";
        }

        return parts[1];
    }

    /// <summary>Parses <c>customers/{c}</c>; returns the customer id, or "" after adding a violation.</summary>
    public static string Customer(FieldViolations violations, string field, string? name)
    {
        var parts = Split(violations, field, name, 2, "customers/{customer}");
        return parts is null ? "" : parts[1];
    }

    /// <summary>Parses <c>customers/{c}/needs/{n}</c>.</summary>
    public static (string CustomerId, string NeedId) Need(FieldViolations violations, string field, string? name) =>
        Child(violations, field, name, NeedsCollection, "customers/{customer}/needs/{need}");

    /// <summary>Parses <c>customers/{c}/interactions/{i}</c>.</summary>
    public static (string CustomerId, string InteractionId) Interaction(FieldViolations violations, string field, string? name) =>
        Child(violations, field, name, InteractionsCollection, "customers/{customer}/interactions/{interaction}");

    /// <summary>Parses <c>customers/{c}/complaints/{k}</c>.</summary>
    public static (string CustomerId, string ComplaintId) Complaint(FieldViolations violations, string field, string? name) =>
        Child(violations, field, name, ComplaintsCollection, "customers/{customer}/complaints/{complaint}");

    /// <summary>Parses <c>customers/{c}/loyalty</c>; returns the customer id, or "" after adding a violation.</summary>
    public static string Loyalty(FieldViolations violations, string field, string? name)
    {
        const string pattern = "customers/{customer}/loyalty";
        var parts = Split(violations, field, name, 3, pattern);
        if (parts is null)
        {
            return "";
        }

        if (parts[2] != LoyaltySingleton)
        {
            violations.Add(field, $"must have the form {pattern}");
            return "";
        }

        return parts[1];
    }

    /// <summary>
    /// Parses a name of a child of <paramref name="customerId"/> (e.g. a related need) and
    /// checks that it belongs to that customer; returns the child id, or "" after adding a violation.
    /// </summary>
    public static string ChildOf(FieldViolations violations, string field, string? name, string collection, string customerId)
    {
        var pattern = $"customers/{{customer}}/{collection}/{{id}}";
        var (owner, child) = Child(violations, field, name, collection, pattern);
        if (child.Length == 0)
        {
            return "";
        }

        if (customerId.Length > 0 && !string.Equals(owner, customerId, StringComparison.Ordinal))
        {
            violations.Add(field, $"must name a resource of the same customer ({ForCustomer(customerId)})");
            return "";
        }

        return child;
    }

    private static (string, string) Child(FieldViolations violations, string field, string? name, string collection, string pattern)
    {
        var parts = Split(violations, field, name, 4, pattern);
        if (parts is null)
        {
            return ("", "");
        }

        if (parts[2] != collection || !ResourceId.IsValid(parts[3]))
        {
            violations.Add(field, $"must have the form {pattern}; ids are 1 to 128 characters of letters, digits, '-', '_' and '.'");
            return ("", "");
        }

        return (parts[1], parts[3]);
    }

    private static string[]? Split(FieldViolations violations, string field, string? name, int segments, string pattern)
    {
        if (string.IsNullOrEmpty(name))
        {
            violations.Add(field, $"is required ({pattern})");
            return null;
        }

        var parts = name.Split('/');
        if (parts.Length != segments || parts[0] != CustomersCollection || !ResourceId.IsValid(parts[1]))
        {
            violations.Add(field, $"must have the form {pattern}; ids are 1 to 128 characters of letters, digits, '-', '_' and '.'");
            return null;
        }

        return parts;
    }
}
