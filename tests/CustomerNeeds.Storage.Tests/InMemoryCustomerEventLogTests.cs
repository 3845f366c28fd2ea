namespace CustomerNeeds.Storage.Tests;

public sealed class InMemoryCustomerEventLogTests : CustomerEventLogContract
{
    protected override ICustomerEventLog Log { get; } = new InMemoryCustomerEventLog();
}
