namespace CustomerNeeds.Abstractions.Customers;

/// <summary>What one retention pass over a customer did (docs/privacy.md, Retention).</summary>
/// <param name="InMemory">Recent interactions stripped in the customer's state (0 when the event was not needed).</param>
/// <param name="Rows">Interaction rows of the log (its own and those of the customers merged into it) stripped.</param>
[GenerateSerializer, Immutable]
[Alias("customerneeds.InteractionAnonymisation")]
public sealed record InteractionAnonymisation(
    [property: Id(0)] int InMemory,
    [property: Id(1)] int Rows);
