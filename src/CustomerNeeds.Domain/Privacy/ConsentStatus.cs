namespace CustomerNeeds.Domain.Privacy;

/// <summary>A customer's decision about one purpose of processing (numbers as in consent.proto; docs/privacy.md).</summary>
public enum ConsentStatus
{
    /// <summary>No decision; never stored.</summary>
    Unspecified = 0,

    /// <summary>The customer agreed to the purpose.</summary>
    Granted = 1,

    /// <summary>The customer was asked and refused (or never agreed).</summary>
    Denied = 2,

    /// <summary>The customer withdrew an earlier grant.</summary>
    Revoked = 3,
}
