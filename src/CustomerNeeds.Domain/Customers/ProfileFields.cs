namespace CustomerNeeds.Domain.Customers;

/// <summary>
/// The snake_case field paths of <see cref="CustomerProfile"/> accepted in an update mask, and
/// how a masked update merges into the current profile.
/// </summary>
public static class ProfileFields
{
    public const string DisplayName = "display_name";
    public const string ContactPoints = "contact_points";
    public const string Phones = "contact_points.phones";
    public const string Emails = "contact_points.emails";
    public const string ExternalIds = "contact_points.external_ids";
    public const string ContactPersons = "contact_persons";
    public const string Industry = "industry";
    public const string SizeBand = "size_band";
    public const string Region = "region";
    public const string Location = "location";
    public const string AgeBand = "age_band";
    public const string Occupation = "occupation";
    public const string Kind = "kind";
    public const string ValueTypes = "value_types";
    public const string RelationshipMode = "relationship_mode";
    public const string ValuePropositions = "value_propositions";
    public const string Attributes = "attributes";
    public const string Tags = "tags";

    /// <summary>The top-level paths; an empty mask means all of them (full replacement).</summary>
    public static IReadOnlyList<string> TopLevel { get; } =
    [
        DisplayName, ContactPoints, ContactPersons, Industry, SizeBand, Region, Location, AgeBand,
        Occupation, Kind, ValueTypes, RelationshipMode, ValuePropositions, Attributes, Tags,
    ];

    /// <summary>Every accepted path: the top-level ones plus the three contact-point sub-paths.</summary>
    public static IReadOnlyList<string> All { get; } = [.. TopLevel, Phones, Emails, ExternalIds];

    /// <summary>True when <paramref name="path"/> is an accepted mask path.</summary>
    public static bool IsKnown(string path) => All.Contains(path, StringComparer.Ordinal);

    /// <summary>Copies the fields named by <paramref name="paths"/> from <paramref name="incoming"/> into <paramref name="current"/>.</summary>
    public static CustomerProfile Merge(CustomerProfile current, CustomerProfile incoming, IEnumerable<string> paths)
    {
        var p = current;
        foreach (var path in paths)
        {
            p = path switch
            {
                DisplayName => p with { DisplayName = incoming.DisplayName },
                ContactPoints => p with { ContactPoints = incoming.ContactPoints },
                Phones => p with { ContactPoints = p.ContactPoints with { Phones = incoming.ContactPoints.Phones } },
                Emails => p with { ContactPoints = p.ContactPoints with { Emails = incoming.ContactPoints.Emails } },
                ExternalIds => p with { ContactPoints = p.ContactPoints with { ExternalIds = incoming.ContactPoints.ExternalIds } },
                ContactPersons => p with { ContactPersons = incoming.ContactPersons },
                Industry => p with { Industry = incoming.Industry },
                SizeBand => p with { SizeBand = incoming.SizeBand },
                Region => p with { Region = incoming.Region },
                Location => p with { Location = incoming.Location },
                AgeBand => p with { AgeBand = incoming.AgeBand },
                Occupation => p with { Occupation = incoming.Occupation },
                Kind => p with { Kind = incoming.Kind },
                ValueTypes => p with { ValueTypes = incoming.ValueTypes },
                RelationshipMode => p with { RelationshipMode = incoming.RelationshipMode },
                ValuePropositions => p with { ValuePropositions = incoming.ValuePropositions },
                Attributes => p with { Attributes = incoming.Attributes },
                Tags => p with { Tags = incoming.Tags },
                _ => throw new ArgumentException($"Unknown profile field path '{path}'.", nameof(paths)),
            };
        }

        return p;
    }

    /// <summary>The paths (of <paramref name="paths"/>) whose value differs between the two profiles.</summary>
    public static IReadOnlyList<string> Changed(CustomerProfile before, CustomerProfile after, IEnumerable<string> paths) =>
        paths.Where(path => !InputChecks.SameJson(ValueAt(before, path), ValueAt(after, path))).ToArray();

    /// <summary>
    /// The canonical form: text trimmed, value types and propositions distinct and ascending
    /// without Unspecified, tags distinct in first-seen order, attributes and external ids in
    /// ordinal key order, empty phones and emails dropped.
    /// </summary>
    public static CustomerProfile Normalize(CustomerProfile p) => p with
    {
        DisplayName = p.DisplayName.Trim(),
        ContactPoints = new ContactPoints
        {
            Phones = p.ContactPoints.Phones.Select(x => x.Trim()).Where(x => x.Length > 0).Distinct(StringComparer.Ordinal).ToArray(),
            Emails = p.ContactPoints.Emails.Select(x => x.Trim()).Where(x => x.Length > 0).Distinct(StringComparer.Ordinal).ToArray(),
            ExternalIds = Sorted(p.ContactPoints.ExternalIds),
        },
        ValueTypes = p.ValueTypes.Where(v => v != CustomerValueType.Unspecified).Distinct().ToArray(),
        ValuePropositions = p.ValuePropositions.Where(v => v != ValueProposition.Unspecified).Distinct().ToArray(),
        Attributes = Sorted(p.Attributes),
        Tags = p.Tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToArray(),
    };

    /// <summary>Checks lengths and limits; field names are prefixed with <paramref name="prefix"/> (e.g. "customer.").</summary>
    internal static void Check(CustomerProfile p, string prefix, InputChecks checks)
    {
        checks.Length(prefix + DisplayName, p.DisplayName, 1, 200);
        Each(checks, prefix + Phones, p.ContactPoints.Phones, 20, 64);
        Each(checks, prefix + Emails, p.ContactPoints.Emails, 20, 254);
        if (p.ContactPoints.ExternalIds.Count > 50)
        {
            checks.Fail(prefix + ExternalIds, "at most 50 entries");
        }

        foreach (var (channel, id) in p.ContactPoints.ExternalIds)
        {
            checks.Length($"{prefix}{ExternalIds}[{channel}]", channel, 1, 64);
            checks.Length($"{prefix}{ExternalIds}[{channel}]", id, 1, 256);
        }

        if (p.ContactPersons.Count > 50)
        {
            checks.Fail(prefix + ContactPersons, "at most 50 contact persons");
        }

        for (var i = 0; i < p.ContactPersons.Count; i++)
        {
            var person = p.ContactPersons[i];
            var at = $"{prefix}{ContactPersons}[{i}]";
            checks.Length(at + ".name", person.Name, 1, 200);
            checks.Defined(at + ".role", person.Role, allowUnspecified: true);
            checks.Length(at + ".title", person.Title, 0, 200);
            checks.Length(at + ".email", person.Email, 0, 254);
            checks.Length(at + ".phone", person.Phone, 0, 64);
        }

        checks.Length(prefix + Industry, p.Industry, 0, 200);
        checks.Length(prefix + SizeBand, p.SizeBand, 0, 64);
        checks.Length(prefix + Region, p.Region, 0, 200);
        checks.Length(prefix + Location, p.Location, 0, 200);
        checks.Length(prefix + AgeBand, p.AgeBand, 0, 64);
        checks.Length(prefix + Occupation, p.Occupation, 0, 200);
        checks.Defined(prefix + Kind, p.Kind, allowUnspecified: true);
        checks.Defined(prefix + RelationshipMode, p.RelationshipMode, allowUnspecified: true);
        foreach (var v in p.ValueTypes)
        {
            checks.Defined(prefix + ValueTypes, v, allowUnspecified: false);
        }

        foreach (var v in p.ValuePropositions)
        {
            checks.Defined(prefix + ValuePropositions, v, allowUnspecified: false);
        }

        if (p.Attributes.Count > 50)
        {
            checks.Fail(prefix + Attributes, "at most 50 attributes");
        }

        foreach (var (key, value) in p.Attributes)
        {
            checks.Length($"{prefix}{Attributes}[{key}]", key, 1, 64);
            checks.Length($"{prefix}{Attributes}[{key}]", value, 0, 1024);
        }

        Each(checks, prefix + Tags, p.Tags, 50, 64);
    }

    private static void Each(InputChecks checks, string field, IReadOnlyList<string> values, int maxCount, int maxLength)
    {
        if (values.Count > maxCount)
        {
            checks.Fail(field, $"at most {maxCount} entries");
        }

        if (values.Any(v => v.Length > maxLength))
        {
            checks.Fail(field, $"each entry at most {maxLength} characters");
        }
    }

    private static IReadOnlyDictionary<string, string> Sorted(IReadOnlyDictionary<string, string> d) =>
        d.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    private static object ValueAt(CustomerProfile p, string path) => path switch
    {
        DisplayName => p.DisplayName,
        ContactPoints => p.ContactPoints,
        Phones => p.ContactPoints.Phones,
        Emails => p.ContactPoints.Emails,
        ExternalIds => p.ContactPoints.ExternalIds,
        ContactPersons => p.ContactPersons,
        Industry => p.Industry,
        SizeBand => p.SizeBand,
        Region => p.Region,
        Location => p.Location,
        AgeBand => p.AgeBand,
        Occupation => p.Occupation,
        Kind => p.Kind,
        ValueTypes => p.ValueTypes,
        RelationshipMode => p.RelationshipMode,
        ValuePropositions => p.ValuePropositions,
        Attributes => p.Attributes,
        Tags => p.Tags,
        _ => throw new ArgumentException($"Unknown profile field path '{path}'.", nameof(path)),
    };
}
