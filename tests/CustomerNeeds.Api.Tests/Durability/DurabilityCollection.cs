namespace CustomerNeeds.Api.Tests.Durability;

/// <summary>
/// Tests that kill and restart their own server on their own database. One collection, so they
/// run one after the other (beside the shared-server tests).
/// </summary>
[CollectionDefinition(Name)]
public sealed class DurabilityCollection
{
    public const string Name = "durability";
}
