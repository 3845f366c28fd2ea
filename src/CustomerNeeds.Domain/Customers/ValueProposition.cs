namespace CustomerNeeds.Domain.Customers;

/// <summary>What the customer buys from us, beyond the product.</summary>
public enum ValueProposition
{
    /// <summary>Not known. Never stored in a profile's set.</summary>
    Unspecified = 0,

    /// <summary>Saves thinking: expertise.</summary>
    SavesThinking = 1,

    /// <summary>Saves money.</summary>
    SavesMoney = 2,

    /// <summary>Saves time.</summary>
    SavesTime = 3,

    /// <summary>Brings joy.</summary>
    BringsJoy = 4,
}
