using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Loyalty;

namespace CustomerNeeds.Server.Hosting;

/// <summary>
/// Reads the customer policy from section <c>CustomerNeeds:Policy</c>. Settings override the
/// defaults one by one, except the tier list: a configured list replaces the default tiers
/// whole (the configuration binder would otherwise append to them). The complaint SLAs come from
/// section <c>CustomerNeeds:ComplaintSla</c> (<see cref="ComplaintSlaConfiguration"/>). An
/// invalid policy stops the start-up with a message naming what is wrong.
/// </summary>
public static class PolicyConfiguration
{
    public const string Section = $"{ServerOptions.Section}:Policy";

    public static CustomerPolicy Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var policy = section.Get<CustomerPolicy>() ?? CustomerPolicy.Default;
        var tiers = section.GetSection("Tiers:Tiers");
        if (tiers.Exists())
        {
            var configured = tiers.Get<List<TierRule>>() ?? [];
            policy = policy with { Tiers = policy.Tiers with { Tiers = configured } };
        }

        policy = policy with { ComplaintSla = ComplaintSlaConfiguration.Read(configuration) };
        var problems = policy.Validate();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"The customer policy in configuration ({Section}, {ComplaintSlaConfiguration.Section}) is invalid: {string.Join("; ", problems)}.");
        }

        return policy;
    }
}
