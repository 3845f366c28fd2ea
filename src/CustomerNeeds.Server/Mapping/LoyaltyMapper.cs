using CustomerNeeds.Domain.Loyalty;
using CustomerNeeds.Server.Validation;
using Google.Protobuf.WellKnownTypes;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Mapping;

/// <summary>Loyalty: domain → proto.</summary>
public static class LoyaltyMapper
{
    /// <summary>Loyalty at a glance, for Customer.loyalty.</summary>
    public static Contract.LoyaltySummary ToSummary(LoyaltyAssessment a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new Contract.LoyaltySummary
        {
            Tier = a.Tier ?? "",
            LadderStage = EnumMapper.ToProto(a.Stage),
            ChurnRiskScore = a.ChurnRisk.Score,
            ChurnRiskLevel = EnumMapper.ToProto(a.ChurnRisk.Level),
        };
    }

    /// <summary>
    /// The loyalty singleton. <paramref name="evaluatedAt"/> is the evaluate_time reported (the
    /// assessment does not carry its own evaluation time).
    /// </summary>
    public static Contract.Loyalty ToProto(string customerId, LoyaltyAssessment a, DateTimeOffset evaluatedAt)
    {
        ArgumentNullException.ThrowIfNull(a);
        var hasFloor = a.Floor is { Length: > 0 };
        var result = new Contract.Loyalty
        {
            Name = ResourceName.ForLoyalty(customerId),
            Tier = a.Tier ?? "",
            TierFloor = a.Floor ?? "",
            TierFloorReason = hasFloor ? a.FloorReason : "",
            TierFloorActor = hasFloor ? a.FloorActor : "",
            TierFloorSetTime = hasFloor ? TimeMapper.ToProto(a.FloorSetAt) : null,
            LadderStage = EnumMapper.ToProto(a.Stage),
            Rfm = ToProto(a.Rfm),
            ChurnRisk = ToProto(a.ChurnRisk),
            EvaluateTime = TimeMapper.ToProto(a.EvaluatedAt ?? evaluatedAt),
            Dormancy = ToProto(a.Dormancy),
        };
        result.TierHistory.AddRange(a.History.Select(ToProto));
        return result;
    }

    /// <summary>The contract's dormancy band.</summary>
    public static Contract.Dormancy ToProto(Dormancy value) => value switch
    {
        Dormancy.Active => Contract.Dormancy.Active,
        Dormancy.SemiDormant => Contract.Dormancy.SemiDormant,
        Dormancy.Dormant => Contract.Dormancy.Dormant,
        _ => Contract.Dormancy.Unspecified,
    };

    /// <summary>The contract's factor kind of a domain factor name; UNSPECIFIED for an unknown name.</summary>
    public static Contract.ChurnFactorKind FactorKindOf(string name) => name switch
    {
        "recency" => Contract.ChurnFactorKind.Silence,
        "satisfaction_trend" => Contract.ChurnFactorKind.SatisfactionTrend,
        "open_complaints" => Contract.ChurnFactorKind.OpenComplaints,
        "repeated_complaints" => Contract.ChurnFactorKind.RepeatedComplaints,
        "nps_detractor" => Contract.ChurnFactorKind.NpsDetractor,
        _ => Contract.ChurnFactorKind.Unspecified,
    };

    private static Contract.TierChange ToProto(TierChange c) => new()
    {
        FromTier = c.FromTier ?? "",
        ToTier = c.ToTier ?? "",
        Reason = c.Reason,
        ChangeTime = TimeMapper.ToProto(c.At),
        Actor = c.Actor ?? "",
    };

    private static Contract.RfmValues ToProto(RfmValues r)
    {
        var result = new Contract.RfmValues
        {
            PurchaseCount = r.Frequency,
            Spend = MoneyMapper.ToProto(r.Monetary, r.CurrencyCode),
            Window = Duration.FromTimeSpan(TimeSpan.FromDays(r.WindowDays)),
            LastPurchaseTime = TimeMapper.ToProto(r.LastPurchaseAt),
        };
        if (r.RecencyDays is { } days)
        {
            result.DaysSinceLastPurchase = days;
        }

        return result;
    }

    // Factors that add nothing are omitted; the rest largest contribution first (ties: kind).
    private static Contract.ChurnRisk ToProto(ChurnRiskAssessment c)
    {
        var result = new Contract.ChurnRisk
        {
            Score = c.Score,
            Level = EnumMapper.ToProto(c.Level),
        };
        result.Factors.AddRange(c.Factors
            .Where(f => f.Contribution > 0)
            .Select(f => new Contract.ChurnFactor { Kind = FactorKindOf(f.Name), Contribution = f.Contribution, Explanation = f.Explanation })
            .OrderByDescending(f => f.Contribution)
            .ThenBy(f => f.Kind));
        return result;
    }
}
