using System.Text.Json.Serialization;

namespace CustomerNeeds.Domain.Events;

/// <summary>
/// Something that happened to one customer; the append-only log holds these, and
/// <c>CustomerEvolution.Apply</c> folds them into <c>CustomerState</c>. The "$type"
/// discriminators are stable names: never rename or reuse one.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(CustomerCreated), "customer-created")]
[JsonDerivedType(typeof(ProfileUpdated), "profile-updated")]
[JsonDerivedType(typeof(NeedCreated), "need-created")]
[JsonDerivedType(typeof(NeedUpdated), "need-updated")]
[JsonDerivedType(typeof(InteractionRecorded), "interaction-recorded")]
[JsonDerivedType(typeof(ComplaintOpened), "complaint-opened")]
[JsonDerivedType(typeof(ComplaintTransitioned), "complaint-transitioned")]
[JsonDerivedType(typeof(TierChanged), "tier-changed")]
[JsonDerivedType(typeof(TierFloorSet), "tier-floor-set")]
[JsonDerivedType(typeof(TierGracePeriodChanged), "tier-grace-period-changed")]
[JsonDerivedType(typeof(DormancyChanged), "dormancy-changed")]
[JsonDerivedType(typeof(ChurnRiskChanged), "churn-risk-changed")]
[JsonDerivedType(typeof(CustomerMergedInto), "customer-merged-into")]
[JsonDerivedType(typeof(CustomerAbsorbed), "customer-absorbed")]
[JsonDerivedType(typeof(ComplaintSlaBreached), "complaint-sla-breached")]
[JsonDerivedType(typeof(ComplaintFollowUpDue), "complaint-follow-up-due")]
[JsonDerivedType(typeof(ConsentChanged), "consent-changed")]
[JsonDerivedType(typeof(InteractionsAnonymised), "interactions-anonymised")]
public abstract record CustomerEvent
{
    /// <summary>When the change was recorded (server clock at decision time).</summary>
    public DateTimeOffset OccurredAt { get; init; }
}
