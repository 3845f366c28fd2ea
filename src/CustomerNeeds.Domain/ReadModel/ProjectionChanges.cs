using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Events;

namespace CustomerNeeds.Domain.ReadModel;

/// <summary>
/// Which need rows and KANO answer rows a run of events changed, each with the log sequence of
/// its latest change. The write path keeps one per group of writes (only the rows the group
/// changed are written); the rebuild keeps one over the whole log (every row). Either way a row's
/// last_sequence is the sequence of the event that last changed it, so both write equal rows.
/// </summary>
public sealed class ProjectionChanges
{
    private Dictionary<string, long>? needs;
    private Dictionary<string, long>? kanoFeatures;

    /// <summary>Need id → sequence of the need's latest change.</summary>
    public IReadOnlyDictionary<string, long> Needs => needs ?? Empty;

    /// <summary>Feature id → sequence of the event that set the latest answer.</summary>
    public IReadOnlyDictionary<string, long> KanoFeatures => kanoFeatures ?? Empty;

    private static readonly Dictionary<string, long> Empty = [];

    /// <summary>
    /// Notes what <paramref name="e"/> changed. Call right after applying it to
    /// <paramref name="applied"/>, whose <see cref="CustomerState.Version"/> is then the event's sequence.
    /// </summary>
    public void Record(CustomerState applied, CustomerEvent e)
    {
        ArgumentNullException.ThrowIfNull(applied);
        switch (e)
        {
            case NeedCreated created:
                (needs ??= new(StringComparer.Ordinal))[created.NeedId] = applied.Version;
                break;
            case NeedUpdated updated:
                (needs ??= new(StringComparer.Ordinal))[updated.NeedId] = applied.Version;
                break;
            case CustomerAbsorbed absorbed:
                foreach (var need in absorbed.Needs)
                {
                    (needs ??= new(StringComparer.Ordinal))[need.Id] = applied.Version;
                }

                foreach (var answer in absorbed.KanoAnswers)
                {
                    if (applied.KanoAnswers.TryGetValue(answer.FeatureId, out var kept) && kept == answer)
                    {
                        (kanoFeatures ??= new(StringComparer.Ordinal))[answer.FeatureId] = applied.Version;
                    }
                }

                break;
            case InteractionRecorded { Interaction: { KanoAnswers: { } answers } interaction }:
                foreach (var answer in answers)
                {
                    // An answer older than the one held (by occur time) changed nothing.
                    if (applied.KanoAnswers.TryGetValue(answer.FeatureId, out var held)
                        && string.Equals(held.InteractionId, interaction.InteractionId, StringComparison.Ordinal))
                    {
                        (kanoFeatures ??= new(StringComparer.Ordinal))[answer.FeatureId] = applied.Version;
                    }
                }

                break;
        }
    }
}
