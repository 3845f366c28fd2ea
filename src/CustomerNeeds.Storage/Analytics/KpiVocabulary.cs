namespace CustomerNeeds.Storage.Analytics;

/// <summary>
/// How the log's interaction columns spell what the KPIs count: the <c>kind</c> texts of a
/// purchase, a complaint and a referral, and the <c>direction</c> number of an inbound contact.
/// The storage layer does not know the domain's enums; the caller passes them.
/// </summary>
public sealed record KpiVocabulary(string PurchaseKind, string ComplaintKind, string ReferralKind, short InboundDirection);
