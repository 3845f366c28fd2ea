namespace CustomerNeeds.Domain.Needs;

/// <summary>Maslow's hierarchy level of a consumer need (numbers as in need.proto).</summary>
public enum MaslowLevel
{
    /// <summary>Not classified.</summary>
    Unspecified = 0,
    Physiological = 1,
    Safety = 2,
    Social = 3,
    Esteem = 4,
    SelfActualisation = 5,
}
