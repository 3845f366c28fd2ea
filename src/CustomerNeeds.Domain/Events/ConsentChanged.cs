using CustomerNeeds.Domain.Privacy;

namespace CustomerNeeds.Domain.Events;

/// <summary>
/// The customer's consent for <paramref name="Purpose"/> went from <paramref name="FromStatus"/>
/// (Unspecified: no decision before) to <paramref name="ToStatus"/>; the customer decided at
/// <paramref name="DecidedAt"/>, captured at <paramref name="Source"/>.
/// </summary>
public sealed record ConsentChanged(
    string Purpose,
    ConsentStatus FromStatus,
    ConsentStatus ToStatus,
    DateTimeOffset DecidedAt,
    string Source) : CustomerEvent;
