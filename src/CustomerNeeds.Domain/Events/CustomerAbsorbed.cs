using CustomerNeeds.Domain.Complaints;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Interactions;
using CustomerNeeds.Domain.Kano;
using CustomerNeeds.Domain.Needs;
using CustomerNeeds.Domain.Privacy;

namespace CustomerNeeds.Domain.Events;

/// <summary>
/// The customer absorbed a merged customer (the source): its needs and open complaints (with their
/// provenance, ids re-minted where they collided), its figures, and its history (read from the
/// source's own log, which stays as it is).
/// </summary>
/// <param name="SourceCustomerId">The merged customer.</param>
/// <param name="SourceSequence">The source's last log sequence (its seal).</param>
/// <param name="Needs">The source's needs, with their ids in this customer and <c>MergedFrom</c> set.</param>
/// <param name="OpenComplaints">The source's open complaints, likewise.</param>
/// <param name="Aggregates">The source's figures, added to this customer's.</param>
/// <param name="ReferralCount">The source's referrals.</param>
/// <param name="RecentInteractions">The source's latest interactions (for the retry memory and the ladder).</param>
/// <param name="RecentRecordTimes">When each of those was recorded.</param>
/// <param name="KanoAnswers">The source's latest KANO answers.</param>
/// <param name="HistoryCustomerIds">The customers whose history this customer now also spans: the source and those it had absorbed.</param>
/// <param name="Actor">Who merged.</param>
public sealed record CustomerAbsorbed(
    string SourceCustomerId,
    long SourceSequence,
    IReadOnlyList<Need> Needs,
    IReadOnlyList<ComplaintCase> OpenComplaints,
    CustomerAggregates Aggregates,
    long ReferralCount,
    IReadOnlyList<Interaction> RecentInteractions,
    IReadOnlyDictionary<string, DateTimeOffset> RecentRecordTimes,
    IReadOnlyList<LatestKanoAnswer> KanoAnswers,
    IReadOnlyList<string> HistoryCustomerIds,
    string Actor) : CustomerEvent
{
    /// <summary>The source's consents (docs/privacy.md); null in events written before consents existed.</summary>
    public IReadOnlyList<Consent>? Consents { get; init; }
}
