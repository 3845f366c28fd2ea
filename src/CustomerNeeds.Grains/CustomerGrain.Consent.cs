using CustomerNeeds.Domain.Privacy;
using CustomerNeeds.Grains.Writes;

namespace CustomerNeeds.Grains;

/// <summary>Consent per purpose, through the one write path.</summary>
public sealed partial class CustomerGrain
{
    public Task<Consent> SetConsentAsync(SetConsent command, CancellationToken cancellationToken = default) =>
        WriteAsync(new CustomerWrite<Consent>(
            (s, now) => ConsentDecisions.Decide(RequireExists(s), command, now),
            (s, _, _) => s.Consents[command.Purpose]));
}
