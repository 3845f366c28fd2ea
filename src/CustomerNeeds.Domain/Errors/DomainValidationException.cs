namespace CustomerNeeds.Domain.Errors;

/// <summary>Domain-level invalid input, one entry per bad field (INVALID_ARGUMENT).</summary>
public sealed class DomainValidationException : DomainException
{
    public DomainValidationException(IReadOnlyList<InvalidField> fields)
        : base(DomainErrorKind.InvalidArgument, Describe(fields))
    {
        Fields = fields;
    }

    public DomainValidationException(string field, string description)
        : this([new InvalidField(field, description)])
    {
    }

    /// <summary>The invalid fields, never empty.</summary>
    public IReadOnlyList<InvalidField> Fields { get; }

    private static string Describe(IReadOnlyList<InvalidField> fields) =>
        "Invalid input: " + string.Join("; ", fields.Select(f => $"{f.Field}: {f.Description}"));
}
