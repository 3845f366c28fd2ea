namespace CustomerNeeds.Cluster.Tests.Infrastructure;

/// <summary>Every fault test: one after the other, sharing one <see cref="FaultFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultFixture>
{
    public const string Name = "fault";

    /// <summary>The trait that keeps these tests out of the main run (deploy/test.sh runs them afterwards).</summary>
    public const string Category = "Fault";
}
