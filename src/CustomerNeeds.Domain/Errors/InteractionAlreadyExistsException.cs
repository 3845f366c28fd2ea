namespace CustomerNeeds.Domain.Errors;

/// <summary>
/// An interaction with this id is recorded already with different content (ALREADY_EXISTS).
/// The same id with the same content is not an error: it is a retry and records nothing.
/// </summary>
public sealed class InteractionAlreadyExistsException(string interactionId)
    : DomainException(DomainErrorKind.AlreadyExists, $"Interaction '{interactionId}' is already recorded with different content.")
{
    /// <summary>The interaction id sent.</summary>
    public string InteractionId { get; } = interactionId;
}
