namespace CustomerNeeds.Domain.Kano;

/// <summary>One answer on the five-point KANO scale.</summary>
public enum KanoAnswer
{
    /// <summary>Not answered.</summary>
    Unspecified = 0,

    /// <summary>I like it.</summary>
    Like = 1,

    /// <summary>I expect it (it must be that way).</summary>
    MustBe = 2,

    /// <summary>I am neutral.</summary>
    Neutral = 3,

    /// <summary>I can live with it.</summary>
    LiveWith = 4,

    /// <summary>I dislike it.</summary>
    Dislike = 5,
}
