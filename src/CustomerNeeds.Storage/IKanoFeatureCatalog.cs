namespace CustomerNeeds.Storage;

/// <summary>
/// Which KANO questionnaire features exist: checked before a survey interaction with KANO answers
/// is recorded, so that answers name only features of the questionnaire.
/// </summary>
public interface IKanoFeatureCatalog
{
    /// <summary>The ids among <paramref name="featureIds"/> that are not features of the questionnaire.</summary>
    Task<IReadOnlySet<string>> MissingAsync(IReadOnlyCollection<string> featureIds, CancellationToken cancellationToken);
}
