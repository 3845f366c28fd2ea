using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Auditing;

/// <summary>A server started in memory keeps no audit log to read: ListAuditEvents answers FAILED_PRECONDITION.</summary>
public sealed class InMemoryAuditTests
{
    [Fact]
    public async Task ListAuditEvents_requires_postgres()
    {
        await using var server = await ServerProcess.StartAsync(connectionString: null);
        var audit = new AuditService.AuditServiceClient(server.Channel);

        var ex = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => audit.ListAuditEventsAsync(new ListAuditEventsRequest()).ResponseAsync);

        Assert.Contains("requires PostgreSQL storage", ex.Status.Detail, StringComparison.Ordinal);
        await RpcAssert.InvalidAsync(() => audit.ListAuditEventsAsync(new ListAuditEventsRequest { PageSize = -1 }).ResponseAsync, "page_size");
    }
}
