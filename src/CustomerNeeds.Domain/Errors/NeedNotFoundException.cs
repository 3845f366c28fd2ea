namespace CustomerNeeds.Domain.Errors;

/// <summary>The customer has no need with this id (NOT_FOUND).</summary>
public sealed class NeedNotFoundException(string needId)
    : DomainException(DomainErrorKind.NotFound, $"Need '{needId}' does not exist.")
{
    /// <summary>The need id asked for.</summary>
    public string NeedId { get; } = needId;
}
