using CustomerNeeds.Domain.Privacy;

namespace CustomerNeeds.Abstractions;

/// <summary>The customer's consent per purpose (docs/privacy.md).</summary>
public partial interface ICustomerGrain
{
    /// <summary>
    /// Records the customer's decision for one purpose and returns the consent as committed; setting
    /// the status the consent has already writes nothing and returns it as it is. NotFound when the
    /// customer does not exist; FailedPrecondition for REVOKED of a consent that is not GRANTED and
    /// for a purpose beyond the most allowed.
    /// </summary>
    [Alias("SetConsent")]
    Task<Consent> SetConsentAsync(SetConsent command, CancellationToken cancellationToken = default);
}
