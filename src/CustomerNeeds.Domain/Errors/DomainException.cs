namespace CustomerNeeds.Domain.Errors;

/// <summary>
/// An expected refusal of a command by the domain. Decisions throw it before any event is
/// produced, so a refused command changes nothing.
/// </summary>
public abstract class DomainException : Exception
{
    protected DomainException(DomainErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    /// <summary>The refusal category (maps to one gRPC status).</summary>
    public DomainErrorKind Kind { get; }
}
