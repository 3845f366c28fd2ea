namespace CustomerNeeds.Domain;

/// <summary>An amount of money in one currency (ISO 4217 code, upper case).</summary>
public sealed record Money(decimal Amount, string CurrencyCode);
