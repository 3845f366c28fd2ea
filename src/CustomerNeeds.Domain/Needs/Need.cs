using System.Globalization;
using System.Text.Json.Serialization;
using CustomerNeeds.Domain.Kano;
using CustomerNeeds.Domain.Merging;

namespace CustomerNeeds.Domain.Needs;

/// <summary>A need of one customer, with its full change history. Changed only by <c>CustomerEvolution.Apply</c>.</summary>
public sealed class Need
{
    /// <summary>Id within the customer (caller-chosen, or minted "n1", "n2", ...).</summary>
    public string Id { get; set; } = "";

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public NeedType Type { get; set; }

    public NeedArea Area { get; set; }

    public KanoClass KanoClass { get; set; }

    /// <summary>1 to 5.</summary>
    public int Importance { get; set; }

    /// <summary>1 to 5.</summary>
    public int Urgency { get; set; }

    /// <summary><see cref="NeedPriority.Compute"/> of importance and urgency, 1 to 25.</summary>
    public int Priority { get; set; }

    public NeedSource? Source { get; set; }

    public NeedStatus Status { get; set; }

    public MaslowLevel MaslowLevel { get; set; }

    /// <summary>Every change, oldest first; the first entry is the creation.</summary>
    public List<NeedChange> History { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>1 at creation, +1 per recorded change.</summary>
    public long Version { get; set; }

    /// <summary>Set when a merge moved the need here from another customer; left out of the JSON form when null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MergedFrom? MergedFrom { get; set; }

    /// <summary>The need's etag: <see cref="Version"/> in invariant digits.</summary>
    [JsonIgnore]
    public string Etag => Version.ToString(CultureInfo.InvariantCulture);

    /// <summary>A deep copy.</summary>
    public Need Clone()
    {
        var copy = (Need)MemberwiseClone();
        copy.History = [.. History];
        return copy;
    }

    /// <summary>The settable fields as they are now.</summary>
    public NeedFields Fields() => new()
    {
        Title = Title,
        Description = Description,
        Type = Type,
        Area = Area,
        KanoClass = KanoClass,
        Importance = Importance,
        Urgency = Urgency,
        Source = Source,
        Status = Status,
        MaslowLevel = MaslowLevel,
    };
}
