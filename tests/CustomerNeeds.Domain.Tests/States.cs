using CustomerNeeds.Domain.Complaints;
using CustomerNeeds.Domain.Customers;

namespace CustomerNeeds.Domain.Tests;

/// <summary>Builds customer states directly, for rule tests with hand-computed figures.</summary>
public static class States
{
    /// <summary>A reference "now": 2026-06-01 12:00 UTC.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static CustomerState Existing() => new() { Exists = true, Id = "c-1", Version = 1, CreatedAt = Now.AddYears(-3) };

    /// <summary>Adds purchases given as "daysAgo:amount,daysAgo:amount" relative to <paramref name="now"/>.</summary>
    public static CustomerState WithPurchases(this CustomerState state, string purchases, DateTimeOffset now)
    {
        if (purchases.Length == 0)
        {
            return state;
        }

        var a = state.Aggregates;
        foreach (var item in purchases.Split(','))
        {
            var parts = item.Split(':');
            var at = now.AddDays(-double.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture));
            var amount = decimal.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
            var key = CustomerAggregates.DayKey(at);
            var bucket = a.PurchaseBuckets.GetValueOrDefault(key) ?? new PurchaseBucket(0, 0m);
            a.PurchaseBuckets[key] = new PurchaseBucket(bucket.Count + 1, bucket.Amount + amount);
            a.PurchaseCount++;
            a.InteractionCount++;
            a.LifetimeSpend += amount;
            a.FirstPurchaseAt = a.FirstPurchaseAt is { } f && f < at ? f : at;
            a.LastPurchaseAt = a.LastPurchaseAt is { } l && l > at ? l : at;
            a.LastInteractionAt = a.LastPurchaseAt;
        }

        return state;
    }

    public static CustomerState WithCsat(this CustomerState state, long sum, long count)
    {
        state.Aggregates.CsatSum = sum;
        state.Aggregates.CsatCount = count;
        return state;
    }

    public static CustomerState WithOpenComplaints(this CustomerState state, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            state.OpenComplaints["k" + i] = new ComplaintCase { Id = "k" + i, Status = ComplaintStatus.Recorded };
        }

        return state;
    }
}
