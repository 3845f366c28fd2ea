using CustomerNeeds.Api.Tests.Durability;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Search;

/// <summary>A server in memory mode keeps no read model: every search and segment RPC is FAILED_PRECONDITION.</summary>
[Collection(DurabilityCollection.Name)]
public sealed class InMemorySearchTests
{
    [Fact]
    public async Task Search_and_segment_rpcs_need_PostgreSQL()
    {
        await using var server = await ServerProcess.StartAsync(connectionString: null);
        var api = server.Clients;
        var segment = new Segment { Name = "segments/s", DisplayName = "s" };
        Func<Task>[] calls =
        [
            () => api.Customers.ListCustomersAsync(new ListCustomersRequest()).ResponseAsync,
            () => api.Customers.ListCustomersAsync(new ListCustomersRequest { Filter = "not a filter" }).ResponseAsync,
            () => api.Segments.CreateSegmentAsync(new CreateSegmentRequest { SegmentId = "s", Segment = segment }).ResponseAsync,
            () => api.Segments.GetSegmentAsync(new GetSegmentRequest { Name = "segments/s" }).ResponseAsync,
            () => api.Segments.ListSegmentsAsync(new ListSegmentsRequest()).ResponseAsync,
            () => api.Segments.UpdateSegmentAsync(new UpdateSegmentRequest { Segment = segment, UpdateMask = new FieldMask { Paths = { "display_name" } } }).ResponseAsync,
            () => api.Segments.DeleteSegmentAsync(new DeleteSegmentRequest { Name = "segments/s" }).ResponseAsync,
            () => api.Segments.ListSegmentMembersAsync(new ListSegmentMembersRequest { Segment = "segments/s" }).ResponseAsync,
            () => api.Segments.CheckSegmentMembershipAsync(new CheckSegmentMembershipRequest { Segment = "segments/s", Customer = "customers/c" }).ResponseAsync,
        ];
        foreach (var call in calls)
        {
            var ex = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, call);
            Assert.Contains("requires PostgreSQL storage", ex.Status.Detail, StringComparison.Ordinal);
        }

        // The customer RPCs still work in memory.
        var (id, _) = await api.CreateCustomerAsync();
        Assert.Equal(TestData.CustomerName(id), (await api.GetCustomerAsync(id)).Name);
    }
}
