using System.Globalization;
using CustomerNeeds.Domain;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Validation;

/// <summary>The rules of customer.proto / customer_service.proto for incoming requests.</summary>
public static class CustomerValidation
{
    /// <summary>CreateCustomerRequest: customer_id and every profile field.</summary>
    public static void CheckCreate(FieldViolations v, Contract.CreateCustomerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ResourceId.IsValid(request.CustomerId))
        {
            v.Add("customer_id", string.IsNullOrEmpty(request.CustomerId)
                ? "is required"
                : "must be 1 to 128 characters of letters, digits, '-', '_' and '.'");
        }

        if (request.Customer is null)
        {
            v.Add("customer", "is required");
            return;
        }

        foreach (var path in CustomerPaths)
        {
            CheckField(v, request.Customer, path);
        }
    }

    /// <summary>
    /// UpdateCustomerRequest: customer.name, the update_mask and the masked fields. Returns the
    /// customer id and the valid mask paths.
    /// </summary>
    public static (string CustomerId, IReadOnlyList<string> MaskPaths) CheckUpdate(FieldViolations v, Contract.UpdateCustomerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var paths = v.UpdateMask(request.UpdateMask, CustomerPaths);
        if (request.Customer is null)
        {
            v.Add("customer", "is required");
            return ("", paths);
        }

        var customerId = ResourceName.Customer(v, "customer.name", request.Customer.Name);
        foreach (var path in paths)
        {
            CheckField(v, request.Customer, path);
        }

        return (customerId, paths);
    }

    /// <summary>The profile fields of Customer (2 to 18): the allowed update_mask paths.</summary>
    public static IReadOnlyCollection<string> CustomerPaths { get; } =
    [
        "display_name", "phone_numbers", "email_addresses", "external_ids", "contact_persons", "industry", "size_band",
        "region", "location", "age_band", "occupation", "kind", "value_types", "relationship_mode", "value_propositions",
        "attributes", "tags",
    ];

    private static void CheckField(FieldViolations v, Contract.Customer c, string path)
    {
        var field = "customer." + path;
        switch (path)
        {
            case "display_name":
                v.Required(field, c.DisplayName, 200);
                break;
            case "phone_numbers":
                TextList(v, field, c.PhoneNumbers, 10, 1, 32, distinct: false);
                break;
            case "email_addresses":
                if (TextList(v, field, c.EmailAddresses, 10, 3, 254, distinct: false))
                {
                    for (var i = 0; i < c.EmailAddresses.Count; i++)
                    {
                        if (!c.EmailAddresses[i].Contains('@', StringComparison.Ordinal))
                        {
                            v.Add(Indexed(field, i), "must contain '@'");
                        }
                    }
                }

                break;
            case "external_ids":
                Map(v, field, c.ExternalIds, 20, 1, 256);
                break;
            case "contact_persons":
                ContactPersons(v, field, c.ContactPersons);
                break;
            case "industry":
                v.MaxLength(field, c.Industry, 128);
                break;
            case "size_band":
                v.Enum(field, c.SizeBand, required: false);
                break;
            case "region":
                v.MaxLength(field, c.Region, 128);
                break;
            case "location":
                v.MaxLength(field, c.Location, 256);
                break;
            case "age_band":
                v.Enum(field, c.AgeBand, required: false);
                break;
            case "occupation":
                v.MaxLength(field, c.Occupation, 128);
                break;
            case "kind":
                v.Enum(field, c.Kind, required: true);
                break;
            case "value_types":
                v.EnumList(field, c.ValueTypes, allowUnspecified: false, distinct: true);
                break;
            case "relationship_mode":
                v.Enum(field, c.RelationshipMode, required: false);
                break;
            case "value_propositions":
                v.EnumList(field, c.ValuePropositions, allowUnspecified: false, distinct: true);
                break;
            case "attributes":
                Map(v, field, c.Attributes, 50, 0, 1024);
                break;
            case "tags":
                TextList(v, field, c.Tags, 50, 1, 64, distinct: true);
                break;
        }
    }

    private static void ContactPersons(FieldViolations v, string field, IReadOnlyList<Contract.ContactPerson> persons)
    {
        if (persons.Count > 50)
        {
            v.Add(field, "at most 50 contact persons");
            return;
        }

        for (var i = 0; i < persons.Count; i++)
        {
            var p = persons[i];
            var at = Indexed(field, i);
            v.Required(at + ".display_name", p.DisplayName, 200);
            v.MaxLength(at + ".job_title", p.JobTitle, 128);
            v.Enum(at + ".decision_role", p.DecisionRole, required: false);
            if (v.MaxLength(at + ".email_address", p.EmailAddress, 254)
                && p.EmailAddress.Length > 0 && !p.EmailAddress.Contains('@', StringComparison.Ordinal))
            {
                v.Add(at + ".email_address", "must contain '@'");
            }

            v.MaxLength(at + ".phone_number", p.PhoneNumber, 32);
        }
    }

    // Whitespace-only entries count as empty: the domain trims them away.
    private static bool TextList(FieldViolations v, string field, IReadOnlyList<string> values, int maxCount, int min, int max, bool distinct)
    {
        if (values.Count > maxCount)
        {
            v.Add(field, string.Create(CultureInfo.InvariantCulture, $"at most {maxCount} entries"));
            return false;
        }

        var ok = true;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            var at = Indexed(field, i);
            if (!v.Required(at, values[i], max, min))
            {
                ok = false;
            }
            else if (distinct && !seen.Add(values[i].Trim()))
            {
                v.Add(at, "duplicate entry");
                ok = false;
            }
        }

        return ok;
    }

    private static void Map(FieldViolations v, string field, IReadOnlyDictionary<string, string> map, int maxCount, int minValue, int maxValue)
    {
        if (map.Count > maxCount)
        {
            v.Add(field, string.Create(CultureInfo.InvariantCulture, $"at most {maxCount} entries"));
            return;
        }

        foreach (var (key, value) in map.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (key.Length is < 1 or > 64)
            {
                v.Add(field, $"keys must be 1 to 64 characters (key '{Shorten(key)}')");
            }
            else if (value.Length < minValue || value.Length > maxValue)
            {
                v.Add(field, minValue == 0
                    ? string.Create(CultureInfo.InvariantCulture, $"values must be at most {maxValue} characters (key '{key}')")
                    : string.Create(CultureInfo.InvariantCulture, $"values must be {minValue} to {maxValue} characters (key '{key}')"));
            }
        }
    }

    private static string Indexed(string field, int index) => string.Create(CultureInfo.InvariantCulture, $"{field}[{index}]");

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "...";
}
