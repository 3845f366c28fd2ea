namespace CustomerNeeds.Domain.Kano;

/// <summary>KANO class of a feature (numbers as in need.proto).</summary>
public enum KanoClass
{
    /// <summary>Not yet classified.</summary>
    Unspecified = 0,

    /// <summary>M: absence angers, presence is taken for granted.</summary>
    MustBe = 1,

    /// <summary>O: performance; more is better, linearly.</summary>
    OneDimensional = 2,

    /// <summary>A: delight; presence delights, absence is not missed.</summary>
    Attractive = 3,

    /// <summary>I: the customer does not care either way.</summary>
    Indifferent = 4,

    /// <summary>R: presence annoys.</summary>
    Reverse = 5,

    /// <summary>Q: contradictory answers.</summary>
    Questionable = 6,
}
