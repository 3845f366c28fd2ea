namespace CustomerNeeds.Domain.Events;

/// <summary>
/// Retention (docs/privacy.md): the personal fields (summary, contact person) of the customer's
/// interactions that occurred before <paramref name="Cutoff"/> were stripped. Channel, kind, direction,
/// times, amounts, scores and sentiment stay, so figures, RFM and tiers do not change.
/// </summary>
/// <param name="Cutoff">Interactions with an occur time before it are anonymised.</param>
/// <param name="Count">How many of the recent interactions held in the customer's state were stripped.</param>
public sealed record InteractionsAnonymised(DateTimeOffset Cutoff, int Count) : CustomerEvent;
