using CustomerNeeds.Storage.ReadModel;

namespace CustomerNeeds.Grains.ReadModel;

/// <summary>What a read-model rebuild did.</summary>
/// <param name="Customers">Customers whose logs were folded and projected.</param>
/// <param name="Written">Rows written (inserted, or replaced because they were older); rows already current are not counted.</param>
public sealed record ReadModelRebuildResult(long Customers, ReadModelRowCounts Written);
