using CustomerNeeds.Server.Validation;
using CustomerNeeds.Storage.Analytics;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Mapping;

/// <summary>RFM scores, their distribution and the revenue core → proto.</summary>
public static class RfmMapper
{
    /// <summary>A scored customer (the quintiles must be set).</summary>
    public static Contract.RfmScore ToProto(RfmScoreRow row, string currencyCode)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new Contract.RfmScore
        {
            Name = AnalyticsNames.ForRfmScore(row.CustomerId),
            Recency = row.Recency ?? throw new ArgumentException("Not scored.", nameof(row)),
            Frequency = row.Frequency ?? throw new ArgumentException("Not scored.", nameof(row)),
            Monetary = row.Monetary ?? throw new ArgumentException("Not scored.", nameof(row)),
            ComputeTime = TimeMapper.ToProto(row.ComputedAt),
            LastPurchaseTime = TimeMapper.ToProto(row.LastPurchaseAt),
            PurchaseCount = row.PurchaseCount,
            LifetimeSpend = MoneyMapper.ToProto(row.LifetimeSpend, currencyCode),
        };
    }

    public static Contract.RfmDistribution ToProto(RfmDistributionRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var distribution = new Contract.RfmDistribution
        {
            ScoredCustomerCount = row.ScoredCount,
            CustomerCount = row.CustomerCount,
            OldestComputeTime = TimeMapper.ToProto(row.OldestComputedAt),
            NewestComputeTime = TimeMapper.ToProto(row.NewestComputedAt),
        };
        for (short quintile = 1; quintile <= 5; quintile++)
        {
            var q = quintile;
            distribution.RecencyCounts.Add(row.Cells.Where(c => c.Recency == q).Sum(c => c.CustomerCount));
            distribution.FrequencyCounts.Add(row.Cells.Where(c => c.Frequency == q).Sum(c => c.CustomerCount));
            distribution.MonetaryCounts.Add(row.Cells.Where(c => c.Monetary == q).Sum(c => c.CustomerCount));
        }

        distribution.Cells.AddRange(row.Cells.Select(c => new Contract.RfmCell
        {
            Recency = c.Recency,
            Frequency = c.Frequency,
            Monetary = c.Monetary,
            CustomerCount = c.CustomerCount,
        }));
        return distribution;
    }

    public static Contract.CoreCustomer ToProto(CoreCustomerRow row, decimal totalRevenue, string currencyCode)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new Contract.CoreCustomer
        {
            Customer = ResourceName.ForCustomer(row.CustomerId),
            DisplayName = row.DisplayName,
            Rank = row.Rank,
            LifetimeSpend = MoneyMapper.ToProto(row.LifetimeSpend, currencyCode),
            CumulativeRevenueShare = totalRevenue == 0 ? 0 : (double)(row.CumulativeSpend / totalRevenue),
        };
    }
}
