namespace CustomerNeeds.Storage.ReadModel;

/// <summary>One page of duplicate candidates, by key.</summary>
/// <param name="Groups">The groups of this page, in key order.</param>
/// <param name="NextAfterKey">The key to continue after; null on the last page.</param>
public sealed record DuplicateCandidatePage(IReadOnlyList<DuplicateCandidateGroup> Groups, string? NextAfterKey);
