namespace CustomerNeeds.Abstractions.Errors;

/// <summary>One bad request field: its path in the request (snake_case, dotted) and what is wrong.</summary>
[GenerateSerializer, Immutable]
[Alias("customerneeds.FieldViolation")]
public sealed record FieldViolation([property: Id(0)] string Field, [property: Id(1)] string Description);
