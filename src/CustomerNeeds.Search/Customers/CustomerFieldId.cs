namespace CustomerNeeds.Search.Customers;

/// <summary>Which customer search field a restriction is about (a stable key for translators).</summary>
public enum CustomerFieldId
{
    Kind,
    ValueTypes,
    RelationshipMode,
    Industry,
    Region,
    Tags,
    Attributes,
    Tier,
    LadderStage,
    ChurnRiskScore,
    ChurnRiskLevel,
    CsatMean,
    CsatCount,
    NpsScore,
    LastNps,
    NpsCategory,
    OpenComplaintCount,
    LastInteractionTime,
    CreateTime,
    UpdateTime,
    NeedType,
    NeedArea,
    NeedKanoClass,
    NeedStatus,
    NeedTitle,
}
