using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Loyalty;

namespace CustomerNeeds.Server.Hosting;

/// <summary>
/// Reads the customer policy from section <c>CustomerNeeds:Policy</c>. Settings override the
/// defaults one by one, except the tier list: a configured list replaces the default tiers
/// whole (the configuration binder would otherwise append to them).
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

        policy.Validate();
        return policy;
    }
}
