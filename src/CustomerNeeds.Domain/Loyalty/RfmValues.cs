using CustomerNeeds.Domain.Customers;

namespace CustomerNeeds.Domain.Loyalty;

/// <summary>Raw recency, frequency and monetary values of a customer at a given time.</summary>
/// <param name="RecencyDays">Whole days since the last purchase (floor); null without purchases.</param>
/// <param name="Frequency">Purchases in the rolling window.</param>
/// <param name="Monetary">Spend in the rolling window, in <paramref name="CurrencyCode"/>.</param>
/// <param name="WindowDays">The rolling window, in days.</param>
/// <param name="CurrencyCode">The service's currency.</param>
public sealed record RfmValues(int? RecencyDays, int Frequency, decimal Monetary, int WindowDays, string CurrencyCode, DateTimeOffset? LastPurchaseAt = null)
{
    /// <summary>RFM of <paramref name="state"/> at <paramref name="now"/> over a window of <paramref name="windowDays"/> days.</summary>
    public static RfmValues Compute(CustomerState state, DateTimeOffset now, int windowDays, string currencyCode)
    {
        var (count, amount) = state.Aggregates.PurchasesInWindow(now, windowDays);
        return new RfmValues(DaysSince(state.Aggregates.LastPurchaseAt, now), count, amount, windowDays, currencyCode, state.Aggregates.LastPurchaseAt);
    }

    /// <summary>Whole days (floor, never negative) from <paramref name="at"/> to <paramref name="now"/>; null when <paramref name="at"/> is null.</summary>
    public static int? DaysSince(DateTimeOffset? at, DateTimeOffset now) =>
        at is { } t ? Math.Max(0, (int)Math.Floor((now - t).TotalDays)) : null;
}
