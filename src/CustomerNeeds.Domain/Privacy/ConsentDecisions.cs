using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Errors;
using CustomerNeeds.Domain.Events;

namespace CustomerNeeds.Domain.Privacy;

/// <summary>Decides consent changes (docs/privacy.md, Consent).</summary>
public static class ConsentDecisions
{
    /// <summary>Most purposes one customer may have a consent for.</summary>
    public const int MaxPurposes = 50;

    /// <summary>Longest source text.</summary>
    public const int MaxSourceLength = 128;

    /// <summary>
    /// One ConsentChanged, or nothing when the consent has <see cref="SetConsent.Status"/> already.
    /// Refuses (changing nothing) a malformed purpose, an unspecified status, a decision time after
    /// <paramref name="now"/> or a too long source (INVALID_ARGUMENT); REVOKED for a consent that is
    /// not GRANTED, and a new purpose beyond <see cref="MaxPurposes"/> (FAILED_PRECONDITION).
    /// </summary>
    public static IReadOnlyList<CustomerEvent> Decide(CustomerState state, SetConsent command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        DecisionGuards.RequireExists(state);
        var checks = new InputChecks();
        if (!ConsentPurpose.IsValid(command.Purpose))
        {
            checks.Fail("purpose", ConsentPurpose.Rule);
        }

        checks.Defined("status", command.Status, allowUnspecified: false);
        if (command.DecidedAt is { } decided && decided > now)
        {
            checks.Fail("decision_time", "must not be in the future");
        }

        checks.Length("source", command.Source, 0, MaxSourceLength);
        checks.ThrowIfAny();

        var current = state.Consents.GetValueOrDefault(command.Purpose);
        var from = current?.Status ?? ConsentStatus.Unspecified;
        if (from == command.Status)
        {
            return [];
        }

        if (command.Status == ConsentStatus.Revoked && from != ConsentStatus.Granted)
        {
            throw new ConsentRefusedException(from == ConsentStatus.Unspecified
                ? $"Consent for purpose '{command.Purpose}' cannot be revoked: it was never granted."
                : $"Consent for purpose '{command.Purpose}' cannot be revoked: it is {from.ToString().ToUpperInvariant()}, not GRANTED.");
        }

        if (current is null && state.Consents.Count >= MaxPurposes)
        {
            throw new ConsentRefusedException(
                $"Customer '{state.Id}' has consents for {MaxPurposes} purposes, the most allowed; purpose '{command.Purpose}' cannot be added.");
        }

        return [new ConsentChanged(command.Purpose, from, command.Status, command.DecidedAt ?? now, command.Source) { OccurredAt = now }];
    }
}
