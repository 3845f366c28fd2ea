namespace CustomerNeeds.Domain.Errors;

/// <summary>The customer has a need with this id already (ALREADY_EXISTS).</summary>
public sealed class NeedAlreadyExistsException(string needId)
    : DomainException(DomainErrorKind.AlreadyExists, $"Need '{needId}' already exists.")
{
    /// <summary>The need id asked for.</summary>
    public string NeedId { get; } = needId;
}
