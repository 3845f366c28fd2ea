using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using static CustomerNeeds.Api.Tests.Auditing.AuditEventRows;

namespace CustomerNeeds.Api.Tests.Auditing;

/// <summary>
/// ListAuditEvents through real gRPC on the shared server: order, filters, paging, the customer
/// filter matched by hash, and validation. Rows are inserted into the server's database; every
/// test uses its own callers or customers, so other tests' events never match.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ListAuditEventsTests(ServerFixture fixture)
{
    private AuditService.AuditServiceClient Audit => new(fixture.Server.Channel);

    private Npgsql.NpgsqlDataSource Database => fixture.Database.DataSource;

    [Fact]
    public async Task Events_are_listed_newest_first_with_every_field()
    {
        var caller = NewCaller();
        var hash = Hash("c-audit-fields");
        await InsertAsync(Database,
            new Row(T0, caller, ["agent"], GetCustomer, $"customers/#{hash}", hash),
            new Row(T0.AddSeconds(1), caller, ["agent", "admin"], UpdateCustomer, $"customers/#{hash}/needs/n3", hash, "PERMISSION_DENIED", "caller lacks customers.write"),
            new Row(T0.AddSeconds(2), caller, [], "/customerneeds.v1.ApiKeyService/ListApiKeys"));

        var response = await Audit.ListAuditEventsAsync(new ListAuditEventsRequest { Caller = caller });

        Assert.Equal("", response.NextPageToken);
        Assert.Equal(3, response.AuditEvents.Count);
        Assert.True(response.AuditEvents[0].Sequence > response.AuditEvents[1].Sequence);
        Assert.True(response.AuditEvents[1].Sequence > response.AuditEvents[2].Sequence);
        Assert.Equal("/customerneeds.v1.ApiKeyService/ListApiKeys", response.AuditEvents[0].Method);
        var denied = response.AuditEvents[1];
        Assert.Equal(new AuditEvent
        {
            Sequence = denied.Sequence,
            Time = Timestamp.FromDateTimeOffset(T0.AddSeconds(1)),
            Caller = caller,
            Roles = { "agent", "admin" },
            Method = UpdateCustomer,
            Resource = $"customers/#{hash}/needs/n3",
            CustomerHash = hash,
            Outcome = "PERMISSION_DENIED",
            Detail = "caller lacks customers.write",
        }, denied);
        Assert.Equal(GetCustomer, response.AuditEvents[2].Method);
        Assert.Empty(response.AuditEvents[0].Roles);
    }

    [Fact]
    public async Task Pages_follow_each_other_without_gaps_or_repeats()
    {
        var caller = NewCaller();
        await InsertManyAsync(Database, caller, 7);

        var seen = new List<AuditEvent>();
        var request = new ListAuditEventsRequest { Caller = caller, PageSize = 3 };
        var sizes = new List<int>();
        do
        {
            var page = await Audit.ListAuditEventsAsync(request);
            sizes.Add(page.AuditEvents.Count);
            seen.AddRange(page.AuditEvents);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        Assert.Equal([3, 3, 1], sizes);
        Assert.Equal(7, seen.Select(e => e.Sequence).Distinct().Count());
        Assert.Equal(seen.Select(e => e.Sequence).OrderDescending(), seen.Select(e => e.Sequence));
        Assert.Equal(Timestamp.FromDateTimeOffset(T0.AddSeconds(7)), seen[0].Time);
        Assert.Equal(Timestamp.FromDateTimeOffset(T0.AddSeconds(1)), seen[^1].Time);
    }

    [Fact]
    public async Task Page_size_zero_means_50_and_above_1000_means_1000()
    {
        var caller = NewCaller();
        await InsertManyAsync(Database, caller, 1_001);

        var defaulted = await Audit.ListAuditEventsAsync(new ListAuditEventsRequest { Caller = caller });
        var clamped = await Audit.ListAuditEventsAsync(new ListAuditEventsRequest { Caller = caller, PageSize = 5_000 });

        Assert.Equal(50, defaulted.AuditEvents.Count);
        Assert.NotEqual("", defaulted.NextPageToken);
        Assert.Equal(1_000, clamped.AuditEvents.Count);
        var last = await Audit.ListAuditEventsAsync(new ListAuditEventsRequest { Caller = caller, PageSize = 5_000, PageToken = clamped.NextPageToken });
        Assert.Single(last.AuditEvents);
        Assert.Equal("", last.NextPageToken);
    }

    [Fact]
    public async Task Method_outcome_and_time_filters_combine()
    {
        var caller = NewCaller();
        await InsertAsync(Database,
            new Row(T0, caller, ["agent"], UpdateCustomer),
            new Row(T0.AddMinutes(1), caller, ["agent"], UpdateCustomer, Outcome: "PERMISSION_DENIED"),
            new Row(T0.AddMinutes(2), caller, ["agent"], GetCustomer, Outcome: "PERMISSION_DENIED"),
            new Row(T0.AddMinutes(3), caller, ["agent"], UpdateCustomer, Outcome: "PERMISSION_DENIED"),
            new Row(T0.AddMinutes(4), caller, ["agent"], UpdateCustomer));

        var byMethod = await ListAsync(new ListAuditEventsRequest { Caller = caller, Method = UpdateCustomer });
        var byOutcome = await ListAsync(new ListAuditEventsRequest { Caller = caller, Outcome = "PERMISSION_DENIED" });
        var both = await ListAsync(new ListAuditEventsRequest { Caller = caller, Method = UpdateCustomer, Outcome = "PERMISSION_DENIED" });
        var window = await ListAsync(new ListAuditEventsRequest
        {
            Caller = caller,
            StartTime = Timestamp.FromDateTimeOffset(T0.AddMinutes(1)),
            EndTime = Timestamp.FromDateTimeOffset(T0.AddMinutes(3)),
        });
        var from = await ListAsync(new ListAuditEventsRequest { Caller = caller, StartTime = Timestamp.FromDateTimeOffset(T0.AddMinutes(3)) });
        var empty = await ListAsync(new ListAuditEventsRequest
        {
            Caller = caller,
            StartTime = Timestamp.FromDateTimeOffset(T0.AddMinutes(2)),
            EndTime = Timestamp.FromDateTimeOffset(T0.AddMinutes(2)),
        });

        Assert.Equal([4, 3, 1, 0], byMethod);
        Assert.Equal([3, 2, 1], byOutcome);
        Assert.Equal([3, 1], both);
        Assert.Equal([2, 1], window);
        Assert.Equal([4, 3], from);
        Assert.Empty(empty);
        Assert.Empty(await ListAsync(new ListAuditEventsRequest { Caller = caller, Method = "/customerneeds.v1.NeedService/CreateNeed" }));
        Assert.Empty(await ListAsync(new ListAuditEventsRequest { Caller = NewCaller() }));
    }

    [Fact]
    public async Task The_customer_filter_matches_the_hash_of_the_customer_id()
    {
        var customer = "c-audit-" + Guid.NewGuid().ToString("N")[..12];
        var other = customer + "x";
        var hash = Hash(customer);
        await InsertAsync(Database,
            new Row(T0, NewCaller(), ["agent"], UpdateCustomer, $"customers/#{hash}", hash),
            new Row(T0, NewCaller(), ["agent"], UpdateCustomer, $"customers/#{Hash(other)}", Hash(other)),
            new Row(T0, NewCaller(), ["admin"], "/customerneeds.v1.PrivacyService/EraseCustomer", $"customers/#{hash}", hash, Detail: "customer asked"));

        var response = await Audit.ListAuditEventsAsync(new ListAuditEventsRequest { Customer = $"customers/{customer}" });

        Assert.Equal(["/customerneeds.v1.PrivacyService/EraseCustomer", UpdateCustomer], response.AuditEvents.Select(e => e.Method));
        Assert.All(response.AuditEvents, e => Assert.Equal(hash, e.CustomerHash));
        Assert.All(response.AuditEvents, e => Assert.DoesNotContain(customer, e.Resource, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_token_is_bound_to_the_filters_of_its_request()
    {
        var caller = NewCaller();
        await InsertManyAsync(Database, caller, 3);
        var first = await Audit.ListAuditEventsAsync(new ListAuditEventsRequest { Caller = caller, PageSize = 1 });

        var smallerPages = await Audit.ListAuditEventsAsync(new ListAuditEventsRequest { Caller = caller, PageSize = 2, PageToken = first.NextPageToken });
        Assert.Equal(2, smallerPages.AuditEvents.Count);

        await RpcAssert.InvalidAsync(() => Audit.ListAuditEventsAsync(new ListAuditEventsRequest { Caller = NewCaller(), PageToken = first.NextPageToken }).ResponseAsync, "page_token");
        await RpcAssert.InvalidAsync(() => Audit.ListAuditEventsAsync(new ListAuditEventsRequest { Caller = caller, Outcome = "OK", PageToken = first.NextPageToken }).ResponseAsync, "page_token");
        await RpcAssert.InvalidAsync(() => Audit.ListAuditEventsAsync(new ListAuditEventsRequest { Caller = caller, PageToken = "not-a-token" }).ResponseAsync, "page_token");
        await RpcAssert.InvalidAsync(() => Audit.ListAuditEventsAsync(new ListAuditEventsRequest { Caller = caller, PageToken = first.NextPageToken[..^2] }).ResponseAsync, "page_token");
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_one_violation_per_field()
    {
        var start = Timestamp.FromDateTimeOffset(T0.AddSeconds(1));
        var end = Timestamp.FromDateTimeOffset(T0);

        await RpcAssert.InvalidAsync(() => Audit.ListAuditEventsAsync(new ListAuditEventsRequest { PageSize = -1 }).ResponseAsync, "page_size");
        await RpcAssert.InvalidAsync(() => Audit.ListAuditEventsAsync(new ListAuditEventsRequest { Outcome = "DENIED" }).ResponseAsync, "outcome");
        await RpcAssert.InvalidAsync(() => Audit.ListAuditEventsAsync(new ListAuditEventsRequest { Outcome = "permission_denied" }).ResponseAsync, "outcome");
        await RpcAssert.InvalidAsync(() => Audit.ListAuditEventsAsync(new ListAuditEventsRequest { Customer = "c-1" }).ResponseAsync, "customer");
        await RpcAssert.InvalidAsync(() => Audit.ListAuditEventsAsync(new ListAuditEventsRequest { Customer = "customers/c 1" }).ResponseAsync, "customer");
        await RpcAssert.InvalidAsync(() => Audit.ListAuditEventsAsync(new ListAuditEventsRequest { StartTime = start, EndTime = end }).ResponseAsync, "start_time");
        await RpcAssert.InvalidAsync(() => Audit.ListAuditEventsAsync(new ListAuditEventsRequest { EndTime = new Timestamp { Seconds = 1, Nanos = -1 } }).ResponseAsync, "end_time");
        await RpcAssert.InvalidAsync(() => Audit.ListAuditEventsAsync(new ListAuditEventsRequest { Caller = new string('a', 513) }).ResponseAsync, "caller");
        await RpcAssert.InvalidAsync(
            () => Audit.ListAuditEventsAsync(new ListAuditEventsRequest { PageSize = -5, Method = new string('m', 513), Outcome = "x", Customer = "people/1", PageToken = "x" }).ResponseAsync,
            "page_size", "method", "outcome", "customer", "page_token");
    }

    /// <summary>All events of the request, as minutes after <see cref="AuditEventRows.T0"/>, in the order listed.</summary>
    private async Task<List<int>> ListAsync(ListAuditEventsRequest request)
    {
        var response = await Audit.ListAuditEventsAsync(request);
        Assert.Equal("", response.NextPageToken);
        return response.AuditEvents.Select(e => (int)(e.Time.ToDateTimeOffset() - T0).TotalMinutes).ToList();
    }
}
