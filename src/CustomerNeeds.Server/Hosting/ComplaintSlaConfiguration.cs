using CustomerNeeds.Domain.Complaints;

namespace CustomerNeeds.Server.Hosting;

/// <summary>
/// Reads the complaint SLA policy from section <c>CustomerNeeds:ComplaintSla</c>
/// (docs/complaint-slas.md): <c>Defaults:&lt;target&gt;</c>, <c>Tiers:&lt;tier&gt;:&lt;target&gt;</c> and
/// <c>BusinessHours</c>. A value that does not parse stops the start-up with the key in the message.
/// </summary>
public static class ComplaintSlaConfiguration
{
    public const string Section = $"{ServerOptions.Section}:ComplaintSla";

    public static ComplaintSlaPolicy Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        if (!section.Exists())
        {
            return ComplaintSlaPolicy.Default;
        }

        try
        {
            var defaults = section.GetSection("Defaults").Get<ComplaintServiceLevels>() ?? ComplaintServiceLevels.Default;
            var tiers = section.GetSection("Tiers").GetChildren()
                .ToDictionary(tier => tier.Key, tier => tier.Get<ComplaintSlaOverride>() ?? new ComplaintSlaOverride(), StringComparer.Ordinal);
            var hours = section.GetSection("BusinessHours");
            return new ComplaintSlaPolicy
            {
                Defaults = defaults,
                Tiers = tiers,
                BusinessHours = hours.Exists()
                    ? (hours.Get<BusinessHours>() ?? new BusinessHours()) with
                    {
                        WorkingDays = hours.GetSection("WorkingDays").Get<DayOfWeek[]>() ?? [],
                    }
                    : null,
            };
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"Configuration section {Section} is invalid: {ex.Message}", ex);
        }
    }
}
