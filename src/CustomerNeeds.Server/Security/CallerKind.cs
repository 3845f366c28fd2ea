namespace CustomerNeeds.Server.Security;

/// <summary>How a <see cref="Caller"/> was authenticated.</summary>
public enum CallerKind
{
    /// <summary>No valid credential.</summary>
    Anonymous,

    /// <summary>An API key (<c>x-api-key</c>).</summary>
    ApiKey,

    /// <summary>A JWT bearer token (<c>authorization: Bearer</c>).</summary>
    Jwt,

    /// <summary>The service's own scheduled work.</summary>
    ServiceItself,
}
