using CustomerNeeds.Domain.Errors;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Domain.Loyalty;

namespace CustomerNeeds.Domain.Customers;

/// <summary>Decisions on the customer record.</summary>
public static class CustomerDecisions
{
    /// <summary>
    /// Creates the customer: CustomerCreated (with the normalized profile), then the initial
    /// TierChanged when the policy gives a tier (with the default policy: bronze).
    /// </summary>
    /// <exception cref="CustomerAlreadyExistsException">The customer exists.</exception>
    /// <exception cref="DomainValidationException">Bad id or profile (fields "customer_id", "customer.*").</exception>
    public static IReadOnlyList<CustomerEvent> Decide(CustomerState state, CreateCustomer command, DateTimeOffset now, CustomerPolicy policy)
    {
        if (state.Exists)
        {
            throw new CustomerAlreadyExistsException(state.Id);
        }

        var checks = new InputChecks();
        checks.Id("customer_id", command.CustomerId);
        var profile = ProfileFields.Normalize(command.Profile);
        ProfileFields.Check(profile, "customer.", checks);
        checks.ThrowIfAny();

        List<CustomerEvent> events = [new CustomerCreated(command.CustomerId, profile) { OccurredAt = now }];
        return LoyaltyDecisions.WithTierEvaluation(state, events, policy, now, actor: null);
    }

    /// <summary>Updates the profile: one ProfileUpdated naming the paths that changed; empty when nothing changed.</summary>
    /// <exception cref="CustomerNotFoundException">The customer does not exist.</exception>
    /// <exception cref="EtagMismatchException">The expected etag is stale.</exception>
    /// <exception cref="DomainValidationException">Unknown mask path ("update_mask") or bad profile fields ("customer.*").</exception>
    public static IReadOnlyList<CustomerEvent> Decide(CustomerState state, UpdateProfile command, DateTimeOffset now, CustomerPolicy policy)
    {
        DecisionGuards.RequireExists(state);
        DecisionGuards.RequireEtag(command.ExpectedEtag, state.Etag);

        var checks = new InputChecks();
        var paths = command.FieldPaths.Count == 0 ? ProfileFields.TopLevel : command.FieldPaths.Distinct(StringComparer.Ordinal).ToArray();
        foreach (var unknown in paths.Where(p => !ProfileFields.IsKnown(p)))
        {
            checks.Fail("update_mask", $"unknown field path '{unknown}'");
        }

        checks.ThrowIfAny();
        var merged = ProfileFields.Normalize(ProfileFields.Merge(state.Profile, command.Profile, paths));
        ProfileFields.Check(merged, "customer.", checks);
        checks.ThrowIfAny();

        var changed = ProfileFields.Changed(state.Profile, merged, paths);
        return changed.Count == 0 ? [] : [new ProfileUpdated(merged, changed) { OccurredAt = now }];
    }
}
