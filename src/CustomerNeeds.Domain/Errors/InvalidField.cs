namespace CustomerNeeds.Domain.Errors;

/// <summary>One invalid input field: its snake_case dotted path in the request and what is wrong.</summary>
public sealed record InvalidField(string Field, string Description);
