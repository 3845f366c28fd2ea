using CustomerNeeds.Search.Values;

namespace CustomerNeeds.Search.Customers;

/// <summary>
/// The fields a customer filter can restrict (docs/filtering.md lists them). Enum values are
/// spelled as in the protos without the type prefix, with the proto numbers; tiers are the
/// configured tier names, ordered lowest first.
/// </summary>
public sealed class CustomerFieldCatalog
{
    private static readonly Comparator[] EqualityOnly = [Comparator.Equal, Comparator.NotEqual];

    private static readonly Comparator[] Ordered =
    [
        Comparator.Equal, Comparator.NotEqual, Comparator.Less, Comparator.LessOrEqual, Comparator.Greater, Comparator.GreaterOrEqual,
    ];

    private static readonly Comparator[] HasOnly = [Comparator.Has];

    /// <summary>On needs: <c>=</c> and <c>:</c> both mean "has a need with this value"; <c>!=</c> is refused as ambiguous.</summary>
    private static readonly Comparator[] NeedValue = [Comparator.Equal, Comparator.Has];

    private static readonly Comparator[] AttributeValue = [Comparator.Equal, Comparator.NotEqual, Comparator.Has];

    private readonly Dictionary<string, CustomerField> _byName;

    private CustomerFieldCatalog(IReadOnlyList<CustomerField> fields)
    {
        Fields = fields;
        _byName = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    /// <summary>Every field, in the order of docs/filtering.md.</summary>
    public IReadOnlyList<CustomerField> Fields { get; }

    /// <summary>The field with this id.</summary>
    public CustomerField this[CustomerFieldId id] => Fields.First(f => f.Id == id);

    /// <summary>
    /// The catalog for a deployment whose tier policy has these tiers, lowest first (the
    /// names <c>loyalty.tier</c> accepts, ordered by rank).
    /// </summary>
    public static CustomerFieldCatalog Create(IEnumerable<string> tierNamesLowestFirst)
    {
        var tiers = tierNamesLowestFirst.ToArray();
        if (tiers.Length == 0 || tiers.Any(string.IsNullOrWhiteSpace) || tiers.Distinct(StringComparer.Ordinal).Count() != tiers.Length)
        {
            throw new ArgumentException("at least one tier name is required; names must be non-blank and distinct", nameof(tierNamesLowestFirst));
        }

        var tierValues = tiers.Select((name, rank) => new EnumValue(name, rank)).ToArray();
        return new CustomerFieldCatalog(
        [
            Enum(CustomerFieldId.Kind, "kind", EqualityOnly, "CUSTOMER_KIND_", "INTERNAL", "INTERMEDIARY", "EXTERNAL", "COMPETITOR_CUSTOMER"),
            new(CustomerFieldId.ValueTypes, "value_types", FieldType.EnumList, FieldScope.Customer, HasOnly,
                Values("COMMERCIAL", "BRAND", "INFLUENCE"), "CUSTOMER_VALUE_TYPE_"),
            Enum(CustomerFieldId.RelationshipMode, "relationship_mode", EqualityOnly, "RELATIONSHIP_MODE_",
                "UNSPECIFIED", "TRANSACTIONAL", "RELATIONAL"),
            Scalar(CustomerFieldId.Industry, "industry", FieldType.Text, EqualityOnly),
            Scalar(CustomerFieldId.Region, "region", FieldType.Text, EqualityOnly),
            Scalar(CustomerFieldId.Tags, "tags", FieldType.TextList, HasOnly),
            Scalar(CustomerFieldId.Attributes, "attributes", FieldType.TextMap, AttributeValue),
            new(CustomerFieldId.Tier, "loyalty.tier", FieldType.Enum, FieldScope.Customer, Ordered, tierValues),
            Enum(CustomerFieldId.LadderStage, "loyalty.ladder_stage", Ordered, "LADDER_STAGE_",
                "SUSPECT", "PROSPECT", "FIRST_TIME_CUSTOMER", "REPEAT_CUSTOMER", "SUPPORTER", "ADVOCATE", "PARTNER"),
            Scalar(CustomerFieldId.ChurnRiskScore, "loyalty.churn_risk_score", FieldType.Number, Ordered),
            Enum(CustomerFieldId.ChurnRiskLevel, "loyalty.churn_risk_level", Ordered, "CHURN_RISK_LEVEL_", "LOW", "MEDIUM", "HIGH"),
            Scalar(CustomerFieldId.CsatMean, "satisfaction.csat_mean", FieldType.Number, Ordered),
            Scalar(CustomerFieldId.CsatCount, "satisfaction.csat_count", FieldType.Integer, Ordered),
            Scalar(CustomerFieldId.NpsScore, "satisfaction.nps_score", FieldType.Number, Ordered),
            Scalar(CustomerFieldId.LastNps, "satisfaction.last_nps", FieldType.Integer, Ordered),
            Enum(CustomerFieldId.NpsCategory, "satisfaction.nps_category", Ordered, null, "DETRACTOR", "PASSIVE", "PROMOTER"),
            Scalar(CustomerFieldId.OpenComplaintCount, "open_complaint_count", FieldType.Integer, Ordered),
            Scalar(CustomerFieldId.LastInteractionTime, "last_interaction_time", FieldType.Timestamp, Ordered),
            Scalar(CustomerFieldId.CreateTime, "create_time", FieldType.Timestamp, Ordered),
            Scalar(CustomerFieldId.UpdateTime, "update_time", FieldType.Timestamp, Ordered),
            Need(CustomerFieldId.NeedType, "needs.type", "NEED_TYPE_", "EXPLICIT", "LATENT", "EMOTIONAL"),
            Need(CustomerFieldId.NeedArea, "needs.area", "NEED_AREA_", "QUALITY", "FUNCTION", "PRICE", "SERVICE", "PURCHASE_EXPERIENCE"),
            Need(CustomerFieldId.NeedKanoClass, "needs.kano_class", "KANO_CLASS_",
                "UNSPECIFIED", "MUST_BE", "ONE_DIMENSIONAL", "ATTRACTIVE", "INDIFFERENT", "REVERSE", "QUESTIONABLE"),
            Need(CustomerFieldId.NeedStatus, "needs.status", "NEED_STATUS_",
                "IDENTIFIED", "ANALYSED", "PLANNED", "IN_PROGRESS", "SATISFIED", "REJECTED", "WITHDRAWN"),
            new(CustomerFieldId.NeedTitle, "needs.title", FieldType.Words, FieldScope.AnyNeed, HasOnly, []),
        ]);
    }

    /// <summary>The field named exactly <paramref name="name"/>, or null.</summary>
    public CustomerField? Find(string name) => _byName.GetValueOrDefault(name);

    private static CustomerField Scalar(CustomerFieldId id, string name, FieldType type, Comparator[] comparators) =>
        new(id, name, type, FieldScope.Customer, comparators, []);

    private static CustomerField Enum(CustomerFieldId id, string name, Comparator[] comparators, string? prefix, params string[] names) =>
        new(id, name, FieldType.Enum, FieldScope.Customer, comparators, Values(names), prefix);

    private static CustomerField Need(CustomerFieldId id, string name, string prefix, params string[] names) =>
        new(id, name, FieldType.Enum, FieldScope.AnyNeed, NeedValue, Values(names), prefix);

    /// <summary>
    /// Values numbered as in the protos: UNSPECIFIED is 0 and the others count from 1 in
    /// declaration order (the protos number them that way; a test checks it).
    /// </summary>
    private static EnumValue[] Values(params string[] names)
    {
        var start = names[0] == "UNSPECIFIED" ? 0 : 1;
        return names.Select((name, i) => new EnumValue(name, start + i)).ToArray();
    }
}
