namespace CustomerNeeds.Domain.Errors;

/// <summary>The caller's etag is not the current one (ABORTED): reread and retry.</summary>
public sealed class EtagMismatchException(string expected, string current)
    : DomainException(DomainErrorKind.Aborted, $"Etag '{expected}' is stale; the current etag is '{current}'.")
{
    /// <summary>The etag the caller sent.</summary>
    public string Expected { get; } = expected;

    /// <summary>The current etag.</summary>
    public string Current { get; } = current;
}
