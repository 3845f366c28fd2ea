using CustomerNeeds.Domain.Kano;

namespace CustomerNeeds.Domain.Needs;

/// <summary>
/// The caller-settable fields of a need. In <c>CreateNeed</c> all are taken; in
/// <c>UpdateNeed</c> and <c>NeedUpdated</c> only those named by the field paths count.
/// </summary>
public sealed record NeedFields
{
    /// <summary>Short statement, 1 to 200 characters.</summary>
    public string Title { get; init; } = "";

    /// <summary>Free text, at most 4,000 characters.</summary>
    public string Description { get; init; } = "";

    /// <summary>Explicit, latent or emotional; required.</summary>
    public NeedType Type { get; init; }

    /// <summary>Quality, function, price, service, purchase experience; required.</summary>
    public NeedArea Area { get; init; }

    /// <summary>KANO class of the feature behind the need; Unspecified = not classified.</summary>
    public KanoClass KanoClass { get; init; }

    /// <summary>1 to 5.</summary>
    public int Importance { get; init; }

    /// <summary>1 to 5.</summary>
    public int Urgency { get; init; }

    /// <summary>Where the need was captured; optional.</summary>
    public NeedSource? Source { get; init; }

    /// <summary>Lifecycle status (on create: Unspecified or Identified).</summary>
    public NeedStatus Status { get; init; }

    /// <summary>Maslow level; Unspecified = not classified.</summary>
    public MaslowLevel MaslowLevel { get; init; }
}
