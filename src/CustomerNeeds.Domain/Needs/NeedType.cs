namespace CustomerNeeds.Domain.Needs;

/// <summary>The kind of need (numbers as in need.proto).</summary>
public enum NeedType
{
    /// <summary>Not set; rejected on input.</summary>
    Unspecified = 0,

    /// <summary>Stated by the customer: function, specification, price, quality.</summary>
    Explicit = 1,

    /// <summary>Not yet recognised or not expressible; found from behaviour, complaints, trends.</summary>
    Latent = 2,

    /// <summary>Feelings, aesthetics, status, trust.</summary>
    Emotional = 3,
}
