using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Server.Validation;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Mapping;

/// <summary>Customer profile and summary: proto ↔ domain.</summary>
public static class CustomerMapper
{
    /// <summary>The update_mask paths of UpdateCustomerRequest and the <see cref="ProfileFields"/> path each one names.</summary>
    public static IReadOnlyDictionary<string, string> MaskPaths { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["display_name"] = ProfileFields.DisplayName,
        ["phone_numbers"] = ProfileFields.Phones,
        ["email_addresses"] = ProfileFields.Emails,
        ["external_ids"] = ProfileFields.ExternalIds,
        ["contact_persons"] = ProfileFields.ContactPersons,
        ["industry"] = ProfileFields.Industry,
        ["size_band"] = ProfileFields.SizeBand,
        ["region"] = ProfileFields.Region,
        ["location"] = ProfileFields.Location,
        ["age_band"] = ProfileFields.AgeBand,
        ["occupation"] = ProfileFields.Occupation,
        ["kind"] = ProfileFields.Kind,
        ["value_types"] = ProfileFields.ValueTypes,
        ["relationship_mode"] = ProfileFields.RelationshipMode,
        ["value_propositions"] = ProfileFields.ValuePropositions,
        ["attributes"] = ProfileFields.Attributes,
        ["tags"] = ProfileFields.Tags,
    };

    /// <summary>
    /// The profile fields (2 to 18) of a proto Customer; output-only fields are ignored. With
    /// <paramref name="maskPaths"/> (update_mask paths) only the named fields are read (the others
    /// keep their defaults and are ignored by the domain), so unchecked fields never reach a mapper.
    /// </summary>
    public static CustomerProfile ToProfile(Contract.Customer c, IReadOnlyCollection<string>? maskPaths = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        bool Has(string path) => maskPaths is null || maskPaths.Contains(path);
        return new CustomerProfile
        {
            DisplayName = Has("display_name") ? c.DisplayName : "",
            ContactPoints = new ContactPoints
            {
                Phones = Has("phone_numbers") ? [.. c.PhoneNumbers] : [],
                Emails = Has("email_addresses") ? [.. c.EmailAddresses] : [],
                ExternalIds = Has("external_ids")
                    ? new Dictionary<string, string>(c.ExternalIds, StringComparer.Ordinal)
                    : new Dictionary<string, string>(StringComparer.Ordinal),
            },
            ContactPersons = Has("contact_persons") ? c.ContactPersons.Select(ToDomain).ToArray() : [],
            Industry = Has("industry") ? c.Industry : "",
            SizeBand = Has("size_band") ? SizeBandText(c.SizeBand) : "",
            Region = Has("region") ? c.Region : "",
            Location = Has("location") ? c.Location : "",
            AgeBand = Has("age_band") ? AgeBandText(c.AgeBand) : "",
            Occupation = Has("occupation") ? c.Occupation : "",
            Kind = Has("kind") ? EnumMapper.ToDomain(c.Kind) : CustomerKind.Unspecified,
            ValueTypes = Has("value_types") ? c.ValueTypes.Select(EnumMapper.ToDomain).ToArray() : [],
            RelationshipMode = Has("relationship_mode") ? EnumMapper.ToDomain(c.RelationshipMode) : RelationshipMode.Unspecified,
            ValuePropositions = Has("value_propositions") ? c.ValuePropositions.Select(EnumMapper.ToDomain).ToArray() : [],
            Attributes = Has("attributes")
                ? new Dictionary<string, string>(c.Attributes, StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal),
            Tags = Has("tags") ? [.. c.Tags] : [],
        };
    }

    /// <summary>The domain paths of already validated update_mask paths.</summary>
    public static IReadOnlyList<string> ToFieldPaths(IEnumerable<string> maskPaths) =>
        maskPaths.Select(p => MaskPaths[p]).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The full customer resource of a summary.</summary>
    public static Contract.Customer ToProto(CustomerSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var p = s.Profile;
        var c = new Contract.Customer
        {
            Name = ResourceName.ForCustomer(s.Id),
            DisplayName = p.DisplayName,
            Industry = p.Industry,
            SizeBand = SizeBandOf(p.SizeBand),
            Region = p.Region,
            Location = p.Location,
            AgeBand = AgeBandOf(p.AgeBand),
            Occupation = p.Occupation,
            Kind = EnumMapper.ToProto(p.Kind),
            RelationshipMode = EnumMapper.ToProto(p.RelationshipMode),
            Loyalty = LoyaltyMapper.ToSummary(s.Loyalty),
            Satisfaction = ToProto(s.Satisfaction),
            OpenComplaintCount = s.OpenComplaintCount,
            Lifetime = new Contract.LifetimeCounters
            {
                InteractionCount = s.InteractionCount,
                PurchaseCount = s.PurchaseCount,
                LifetimeSpend = MoneyMapper.ToProto(s.LifetimeSpend),
                ComplaintCount = s.ComplaintCount,
                ReferralCount = s.Loyalty.ReferralCount,
            },
            CreateTime = TimeMapper.ToProto(s.CreatedAt),
            UpdateTime = TimeMapper.ToProto(s.UpdatedAt),
            Etag = s.Etag,
        };
        c.PhoneNumbers.AddRange(p.ContactPoints.Phones);
        c.EmailAddresses.AddRange(p.ContactPoints.Emails);
        c.ExternalIds.Add(p.ContactPoints.ExternalIds.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
        c.ContactPersons.AddRange(p.ContactPersons.Select(ToProto));
        c.ValueTypes.AddRange(p.ValueTypes.Select(EnumMapper.ToProto));
        c.ValuePropositions.AddRange(p.ValuePropositions.Select(EnumMapper.ToProto));
        c.Attributes.Add(p.Attributes.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
        c.Tags.AddRange(p.Tags);
        c.TopNeeds.AddRange(s.TopNeeds.Select(n => NeedMapper.ToProto(s.Id, n, withHistory: false)));
        c.RecentInteractions.AddRange(s.RecentInteractions.Select(i => InteractionMapper.ToProto(
            s.Id, i, recordedAt: s.RecentRecordTimes is { } times && times.TryGetValue(i.InteractionId, out var at) ? at : null)));
        c.Consents.AddRange((s.Consents ?? []).OrderBy(x => x.Purpose, StringComparer.Ordinal).Select(ConsentMapper.ToProto));
        return c;
    }

    /// <summary>Satisfaction at a glance; means and scores are 0 when there is nothing to average.</summary>
    public static Contract.SatisfactionSummary ToProto(CustomerNeeds.Domain.Satisfaction.SatisfactionSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var result = new Contract.SatisfactionSummary
        {
            CsatMean = s.CsatMean ?? 0,
            CsatCount = s.CsatCount,
            NpsPromoters = s.NpsPromoters,
            NpsPassives = s.NpsPassives,
            NpsDetractors = s.NpsDetractors,
            NpsScore = s.Nps ?? 0,
            LastNpsTime = TimeMapper.ToProto(s.LastNpsAt),
        };
        if (s.LastNps is { } last)
        {
            result.LastNps = last;
        }

        return result;
    }

    private static ContactPerson ToDomain(Contract.ContactPerson p) => new()
    {
        Name = p.DisplayName,
        Title = p.JobTitle,
        Role = EnumMapper.ToDomain(p.DecisionRole),
        Email = p.EmailAddress,
        Phone = p.PhoneNumber,
    };

    private static Contract.ContactPerson ToProto(ContactPerson p) => new()
    {
        DisplayName = p.Name,
        JobTitle = p.Title,
        DecisionRole = EnumMapper.ToProto(p.Role),
        EmailAddress = p.Email,
        PhoneNumber = p.Phone,
    };

    // The domain keeps size and age bands as text; the contract has fixed bands. The texts below
    // are the canonical domain form of each band; any other text reads back as UNSPECIFIED.
    private static string SizeBandText(Contract.CompanySizeBand band) => band switch
    {
        Contract.CompanySizeBand.Micro => "1-9",
        Contract.CompanySizeBand.Small => "10-49",
        Contract.CompanySizeBand.Medium => "50-249",
        Contract.CompanySizeBand.Large => "250-4999",
        Contract.CompanySizeBand.Enterprise => "5000+",
        _ => "",
    };

    private static Contract.CompanySizeBand SizeBandOf(string text) => text switch
    {
        "1-9" => Contract.CompanySizeBand.Micro,
        "10-49" => Contract.CompanySizeBand.Small,
        "50-249" => Contract.CompanySizeBand.Medium,
        "250-4999" => Contract.CompanySizeBand.Large,
        "5000+" => Contract.CompanySizeBand.Enterprise,
        _ => Contract.CompanySizeBand.Unspecified,
    };

    private static string AgeBandText(Contract.AgeBand band) => band switch
    {
        Contract.AgeBand.Under18 => "0-17",
        Contract.AgeBand.From18To24 => "18-24",
        Contract.AgeBand.From25To34 => "25-34",
        Contract.AgeBand.From35To44 => "35-44",
        Contract.AgeBand.From45To54 => "45-54",
        Contract.AgeBand.From55To64 => "55-64",
        Contract.AgeBand.From65 => "65+",
        _ => "",
    };

    private static Contract.AgeBand AgeBandOf(string text) => text switch
    {
        "0-17" => Contract.AgeBand.Under18,
        "18-24" => Contract.AgeBand.From18To24,
        "25-34" => Contract.AgeBand.From25To34,
        "35-44" => Contract.AgeBand.From35To44,
        "45-54" => Contract.AgeBand.From45To54,
        "55-64" => Contract.AgeBand.From55To64,
        "65+" => Contract.AgeBand.From65,
        _ => Contract.AgeBand.Unspecified,
    };
}
