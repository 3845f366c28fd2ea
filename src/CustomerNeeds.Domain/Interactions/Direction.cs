namespace CustomerNeeds.Domain.Interactions;

/// <summary>Who started the contact.</summary>
public enum Direction
{
    /// <summary>Not set; rejected on input.</summary>
    Unspecified = 0,

    /// <summary>The customer contacted us.</summary>
    Inbound = 1,

    /// <summary>We contacted the customer.</summary>
    Outbound = 2,
}
