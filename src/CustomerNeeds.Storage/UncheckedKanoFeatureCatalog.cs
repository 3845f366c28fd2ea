namespace CustomerNeeds.Storage;

/// <summary>
/// The in-memory mode has no KANO questionnaire (its features live in PostgreSQL), so every
/// feature id counts as known: survey answers are recorded without the existence check.
/// </summary>
public sealed class UncheckedKanoFeatureCatalog : IKanoFeatureCatalog
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    /// <inheritdoc />
    public Task<IReadOnlySet<string>> MissingAsync(IReadOnlyCollection<string> featureIds, CancellationToken cancellationToken) =>
        Task.FromResult(None);
}
