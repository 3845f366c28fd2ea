namespace CustomerNeeds.Abstractions.Merging;

/// <summary>What a customer grain says about itself for a merge, read without being forwarded.</summary>
/// <param name="Exists">Whether the customer exists.</param>
/// <param name="MergedInto">The customer it was merged into; null when not merged.</param>
[GenerateSerializer, Immutable]
[Alias("customerneeds.CustomerMergeStatus")]
public sealed record CustomerMergeStatus([property: Id(0)] bool Exists, [property: Id(1)] string? MergedInto);
