using CustomerNeeds.Domain.Complaints;
using CustomerNeeds.Domain.Loyalty;

namespace CustomerNeeds.Domain.Customers;

/// <summary>The configurable rules the decisions and read models use (one per deployment).</summary>
public sealed record CustomerPolicy
{
    /// <summary>The service's currency (ISO 4217, upper case); purchase amounts in another currency are rejected.</summary>
    public string CurrencyCode { get; init; } = "EUR";

    public TierPolicy Tiers { get; init; } = TierPolicy.Default;

    /// <summary>Complaint service levels: targets by severity and tier, business hours (docs/complaint-slas.md).</summary>
    public ComplaintSlaPolicy ComplaintSla { get; init; } = ComplaintSlaPolicy.Default;

    public LoyaltyLadderRules Ladder { get; init; } = LoyaltyLadderRules.Default;

    public ChurnRiskModel Churn { get; init; } = ChurnRiskModel.Default;

    /// <summary>All defaults: EUR and the default tier policy, complaint SLAs, ladder and churn model.</summary>
    public static CustomerPolicy Default { get; } = new();

    /// <summary>What is wrong with this policy; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (CurrencyCode.Length != 3 || !CurrencyCode.All(char.IsAsciiLetterUpper))
        {
            problems.Add("currency code must be three upper-case letters");
        }

        problems.AddRange(Tiers.Validate());
        problems.AddRange(ComplaintSla.Validate(Tiers.Tiers.Select(t => t.Name)).Select(p => "complaint SLA " + p));
        return problems;
    }
}
