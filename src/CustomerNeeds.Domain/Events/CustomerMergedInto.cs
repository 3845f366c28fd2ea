namespace CustomerNeeds.Domain.Events;

/// <summary>
/// The customer was merged into another (the seal): from now on its id is an alias of the target,
/// every call to it reaches the target, and its own log ends here.
/// </summary>
/// <param name="TargetCustomerId">The customer it was merged into.</param>
/// <param name="MovedComplaintIds">The complaints open at the seal, which move to the target.</param>
/// <param name="Actor">Who merged.</param>
public sealed record CustomerMergedInto(string TargetCustomerId, IReadOnlyList<string> MovedComplaintIds, string Actor) : CustomerEvent;
