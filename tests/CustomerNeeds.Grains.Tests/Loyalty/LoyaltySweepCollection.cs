namespace CustomerNeeds.Grains.Tests.Loyalty;

[CollectionDefinition(Name)]
public sealed class LoyaltySweepCollection : ICollectionFixture<LoyaltySweepFixture>
{
    public const string Name = "loyalty sweep";
}
