using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerNeeds.Domain.Complaints;
using CustomerNeeds.Domain.Kano;

namespace CustomerNeeds.Domain.Interactions;

/// <summary>One contact with the customer through any channel (DOMAIN.md section 3). Immutable.</summary>
public sealed record Interaction
{
    /// <summary>Caller-supplied id; a retry with the same id and content records nothing.</summary>
    public string InteractionId { get; init; } = "";

    public Channel Channel { get; init; }

    public InteractionKind Kind { get; init; }

    public Direction Direction { get; init; }

    /// <summary>When the contact happened (caller's clock); purchases are bucketed by its UTC date.</summary>
    public DateTimeOffset OccurTime { get; init; }

    /// <summary>Agent or system that handled the contact.</summary>
    public string Agent { get; init; } = "";

    /// <summary>What happened, at most 4,000 characters.</summary>
    public string Summary { get; init; } = "";

    /// <summary>Amount of a purchase, in the service's currency; null when none.</summary>
    public Money? Amount { get; init; }

    /// <summary>CSAT score given in this contact, 1 to 5; null when not asked.</summary>
    public int? Csat { get; init; }

    /// <summary>NPS answer given in this contact, 0 to 10; null when not asked.</summary>
    public int? Nps { get; init; }

    public Sentiment Sentiment { get; init; }

    /// <summary>Ids of the customer's needs this contact relates to.</summary>
    public IReadOnlyList<string> RelatedNeedIds { get; init; } = [];

    /// <summary>Id of the complaint this contact relates to; null when none.</summary>
    public string? RelatedComplaintId { get; init; }

    /// <summary>A customer this customer referred to us in this contact (counts as a referral); null when none.</summary>
    public string? ReferredCustomerId { get; init; }

    /// <summary>For a <see cref="InteractionKind.Complaint"/>: the severity of the case it opens (Unspecified → Medium).</summary>
    public ComplaintSeverity ComplaintSeverity { get; init; }

    /// <summary>
    /// For a <see cref="InteractionKind.SurveyResponse"/>: the KANO answer pairs given in it (distinct
    /// features); null when none. Left out of the JSON form when null, so interactions without
    /// answers keep the form (and content hash) they had before answers existed.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<KanoFeatureAnswer>? KanoAnswers { get; init; }

    /// <summary>
    /// For a business customer: the name of the contact person who spoke for it in this contact, one
    /// of the profile's contact persons; null when none. Left out of the JSON form when null.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ContactPerson { get; init; }

    /// <summary>True when <see cref="Kind"/> is Purchase.</summary>
    public bool IsPurchase() => Kind == InteractionKind.Purchase;

    /// <summary>True when both interactions carry the same content (compared field by field through their JSON form).</summary>
    public bool HasSameContent(Interaction other) =>
        JsonSerializer.Serialize(this) == JsonSerializer.Serialize(other);
}
