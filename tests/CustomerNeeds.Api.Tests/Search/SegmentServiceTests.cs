using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using CustomerNeeds.Testing.ReadModel;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Search;

/// <summary>SegmentService through real gRPC: CRUD with etags, members, member count, membership, errors.</summary>
[Collection(ApiCollection.Name)]
public sealed class SegmentServiceTests(ServerFixture fixture)
{
    private readonly ApiClients api = fixture.Clients;

    [Fact]
    public async Task A_segment_is_created_read_updated_with_its_etag_and_deleted()
    {
        var id = NewSegmentId();
        var created = await api.Segments.CreateSegmentAsync(new CreateSegmentRequest
        {
            SegmentId = id,
            Segment = new Segment { Name = "ignored", DisplayName = "VIPs at risk", Description = "call them", Filter = "tags:vip   loyalty.churn_risk_level = HIGH", Etag = "99" },
        });
        Assert.Equal(("segments/" + id, "VIPs at risk", "call them", "tags:vip   loyalty.churn_risk_level = HIGH", "1"),
            (created.Name, created.DisplayName, created.Description, created.Filter, created.Etag));
        Assert.Equal(created.CreateTime, created.UpdateTime);
        Assert.Equal(created, await api.Segments.GetSegmentAsync(new GetSegmentRequest { Name = created.Name }));

        var updated = await api.Segments.UpdateSegmentAsync(new UpdateSegmentRequest
        {
            Segment = new Segment { Name = created.Name, DisplayName = "not in the mask", Filter = "tags:vip", Etag = "1" },
            UpdateMask = new FieldMask { Paths = { "filter" } },
        });
        Assert.Equal(("VIPs at risk", "tags:vip", "2"), (updated.DisplayName, updated.Filter, updated.Etag));
        Assert.True(updated.UpdateTime >= created.UpdateTime);
        Assert.Equal(created.CreateTime, updated.CreateTime);

        var stale = await RpcAssert.FailsAsync(StatusCode.Aborted, () => api.Segments.UpdateSegmentAsync(new UpdateSegmentRequest
        {
            Segment = new Segment { Name = created.Name, Description = "lost", Etag = "1" },
            UpdateMask = new FieldMask { Paths = { "description" } },
        }).ResponseAsync);
        Assert.Contains("stale", stale.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(updated, await api.Segments.GetSegmentAsync(new GetSegmentRequest { Name = created.Name }));

        var unconditional = await api.Segments.UpdateSegmentAsync(new UpdateSegmentRequest
        {
            Segment = new Segment { Name = created.Name, DisplayName = "VIPs", Description = "" },
            UpdateMask = new FieldMask { Paths = { "display_name", "description" } },
        });
        Assert.Equal(("VIPs", "", "3"), (unconditional.DisplayName, unconditional.Description, unconditional.Etag));

        await RpcAssert.FailsAsync(StatusCode.Aborted, () => api.Segments.DeleteSegmentAsync(new DeleteSegmentRequest { Name = created.Name, Etag = "2" }).ResponseAsync);
        await api.Segments.DeleteSegmentAsync(new DeleteSegmentRequest { Name = created.Name, Etag = "3" });
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.Segments.GetSegmentAsync(new GetSegmentRequest { Name = created.Name }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.Segments.DeleteSegmentAsync(new DeleteSegmentRequest { Name = created.Name }).ResponseAsync);
    }

    [Fact]
    public async Task Creating_a_taken_id_is_ALREADY_EXISTS_and_changes_nothing()
    {
        var id = NewSegmentId();
        var first = await CreateAsync(id, "tags:vip");
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => api.Segments.CreateSegmentAsync(new CreateSegmentRequest
        {
            SegmentId = id, Segment = new Segment { DisplayName = "other", Filter = "" },
        }).ResponseAsync);
        Assert.Equal(first, await api.Segments.GetSegmentAsync(new GetSegmentRequest { Name = first.Name }));
    }

    [Fact]
    public async Task Bad_segments_are_INVALID_ARGUMENT_with_the_filter_position_and_nothing_is_stored()
    {
        var id = NewSegmentId();
        var ex = await RpcAssert.InvalidAsync(
            () => api.Segments.CreateSegmentAsync(new CreateSegmentRequest
            {
                SegmentId = id, Segment = new Segment { DisplayName = "", Description = new string('x', 2001), Filter = "kind = EXTERNAL AND tier = gold" },
            }).ResponseAsync,
            "segment.display_name", "segment.description", "segment.filter");
        Assert.StartsWith("filter: at 20: unknown field \"tier\"", RpcAssert.Violations(ex).Single(v => v.Field == "segment.filter").Description, StringComparison.Ordinal);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.Segments.GetSegmentAsync(new GetSegmentRequest { Name = "segments/" + id }).ResponseAsync);

        await RpcAssert.InvalidAsync(() => api.Segments.CreateSegmentAsync(new CreateSegmentRequest { SegmentId = "a/b", Segment = new Segment { DisplayName = "x" } }).ResponseAsync, "segment_id");
        await RpcAssert.InvalidAsync(() => api.Segments.CreateSegmentAsync(new CreateSegmentRequest { SegmentId = id }).ResponseAsync, "segment");
        await RpcAssert.InvalidAsync(() => api.Segments.GetSegmentAsync(new GetSegmentRequest { Name = "customers/" + id }).ResponseAsync, "name");

        var created = await CreateAsync(id, "tags:vip");
        await RpcAssert.InvalidAsync(
            () => api.Segments.UpdateSegmentAsync(new UpdateSegmentRequest
            {
                Segment = new Segment { Name = created.Name, Filter = "loyalty.tier >> gold", Etag = "x1" },
                UpdateMask = new FieldMask { Paths = { "filter" } },
            }).ResponseAsync,
            "segment.filter", "segment.etag");
        await RpcAssert.InvalidAsync(
            () => api.Segments.UpdateSegmentAsync(new UpdateSegmentRequest
            {
                Segment = new Segment { Name = created.Name, Filter = "tags:x" },
                UpdateMask = new FieldMask { Paths = { "etag" } },
            }).ResponseAsync,
            "update_mask");
        await RpcAssert.InvalidAsync(() => api.Segments.DeleteSegmentAsync(new DeleteSegmentRequest { Name = created.Name, Etag = "-1" }).ResponseAsync, "etag");
        Assert.Equal(created, await api.Segments.GetSegmentAsync(new GetSegmentRequest { Name = created.Name }));
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.Segments.UpdateSegmentAsync(new UpdateSegmentRequest
        {
            Segment = new Segment { Name = "segments/" + NewSegmentId(), DisplayName = "x" },
            UpdateMask = new FieldMask { Paths = { "display_name" } },
        }).ResponseAsync);
    }

    [Fact]
    public async Task Segments_are_listed_by_name_in_pages()
    {
        var prefix = NewSegmentId();
        foreach (var suffix in new[] { "c", "a", "d", "b", "e" })
        {
            await CreateAsync(prefix + "-" + suffix, "");
        }

        var names = new List<string>();
        var request = new ListSegmentsRequest { PageSize = 2 };
        while (true)
        {
            var page = await api.Segments.ListSegmentsAsync(request);
            Assert.True(page.Segments.Count <= 2);
            names.AddRange(page.Segments.Select(s => s.Name).Where(n => n.StartsWith("segments/" + prefix, StringComparison.Ordinal)));
            if (page.NextPageToken.Length == 0)
            {
                break;
            }

            request = new ListSegmentsRequest { PageSize = 2, PageToken = page.NextPageToken };
        }

        Assert.Equal(new[] { "a", "b", "c", "d", "e" }.Select(s => $"segments/{prefix}-{s}"), names);
        await RpcAssert.InvalidAsync(() => api.Segments.ListSegmentsAsync(new ListSegmentsRequest { PageToken = "nope" }).ResponseAsync, "page_token");
        await RpcAssert.InvalidAsync(() => api.Segments.ListSegmentsAsync(new ListSegmentsRequest { PageSize = -3 }).ResponseAsync, "page_size");
    }

    [Fact]
    public async Task Members_are_the_customers_matching_the_filter_when_read_with_count_order_and_membership()
    {
        var tag = SearchCalls.NewTag();
        var ids = new[] { "a", "b", "c", "d" }.Select(s => tag + "-" + s).ToArray();
        await new SummarySeed(ids[0]) { Tags = [tag, "vip"], ChurnRiskScore = 0.9, DisplayName = "Zed" }.InsertAsync(fixture.Database.DataSource);
        await new SummarySeed(ids[1]) { Tags = [tag, "vip"], ChurnRiskScore = 0.2, DisplayName = "Amy" }.InsertAsync(fixture.Database.DataSource);
        await new SummarySeed(ids[2]) { Tags = [tag], ChurnRiskScore = 0.95 }.InsertAsync(fixture.Database.DataSource);
        await new SummarySeed(ids[3]) { Tags = [tag, "vip"], ChurnRiskScore = 0.5, DisplayName = "Kim" }.InsertAsync(fixture.Database.DataSource);
        var segment = await CreateAsync(NewSegmentId(), $"tags:{tag} AND tags:vip");

        var byName = await api.ListAllMembersAsync(new ListSegmentMembersRequest { Segment = segment.Name, PageSize = 2 });
        Assert.Equal([ids[0], ids[1], ids[3]], byName.Select(c => c.Name["customers/".Length..]));
        var byRisk = await api.ListAllMembersAsync(new ListSegmentMembersRequest { Segment = segment.Name, OrderBy = "loyalty.churn_risk_score desc", PageSize = 1 });
        Assert.Equal([ids[0], ids[3], ids[1]], byRisk.Select(c => c.Name["customers/".Length..]));
        Assert.Equal(["Zed", "Kim", "Amy"], byRisk.Select(c => c.DisplayName));

        var counted = await api.Segments.ListSegmentMembersAsync(new ListSegmentMembersRequest { Segment = segment.Name, PageSize = 1, IncludeTotalSize = true });
        Assert.Equal(3, counted.TotalSize);
        Assert.False((await api.Segments.ListSegmentMembersAsync(new ListSegmentMembersRequest { Segment = segment.Name })).HasTotalSize);

        Assert.True((await Membership(segment.Name, ids[0])).IsMember);
        Assert.False((await Membership(segment.Name, ids[2])).IsMember);

        // The filter is evaluated when read: a customer that now matches is a member at once.
        await new SummarySeed(ids[2]) { Tags = [tag, "vip"], ChurnRiskScore = 0.95 }.InsertAsync(fixture.Database.DataSource);
        Assert.True((await Membership(segment.Name, ids[2])).IsMember);
        Assert.Equal(4, (await api.Segments.ListSegmentMembersAsync(new ListSegmentMembersRequest { Segment = segment.Name, IncludeTotalSize = true })).TotalSize);

        // So is a changed filter; a token of the old filter no longer continues.
        var token = counted.NextPageToken;
        await api.Segments.UpdateSegmentAsync(new UpdateSegmentRequest
        {
            Segment = new Segment { Name = segment.Name, Filter = $"tags:{tag} loyalty.churn_risk_score > 0.9" },
            UpdateMask = new FieldMask { Paths = { "filter" } },
        });
        Assert.Equal([ids[2]], (await api.ListAllMembersAsync(new ListSegmentMembersRequest { Segment = segment.Name })).Select(c => c.Name["customers/".Length..]));
        await RpcAssert.InvalidAsync(
            () => api.Segments.ListSegmentMembersAsync(new ListSegmentMembersRequest { Segment = segment.Name, PageSize = 1, PageToken = token }).ResponseAsync,
            "page_token");
    }

    [Fact]
    public async Task Members_and_membership_of_unknown_segments_or_customers_are_NOT_FOUND_and_bad_arguments_INVALID_ARGUMENT()
    {
        var segment = await CreateAsync(NewSegmentId(), "tags:vip");
        var unknown = "segments/" + NewSegmentId();
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.Segments.ListSegmentMembersAsync(new ListSegmentMembersRequest { Segment = unknown }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => Membership(unknown, "c-1"));
        var noCustomer = await RpcAssert.FailsAsync(StatusCode.NotFound, () => Membership(segment.Name, TestData.NewCustomerId()));
        Assert.Contains("Customer", noCustomer.Status.Detail, StringComparison.Ordinal);

        await RpcAssert.InvalidAsync(() => api.Segments.ListSegmentMembersAsync(new ListSegmentMembersRequest { Segment = "vip" }).ResponseAsync, "segment");
        await RpcAssert.InvalidAsync(
            () => api.Segments.ListSegmentMembersAsync(new ListSegmentMembersRequest { Segment = unknown, OrderBy = "name name", View = (CustomerView)7 }).ResponseAsync,
            "order_by", "view");
        await RpcAssert.InvalidAsync(
            () => api.Segments.ListSegmentMembersAsync(new ListSegmentMembersRequest { Segment = segment.Name, OrderBy = "tags", PageSize = -1 }).ResponseAsync,
            "order_by", "page_size");
        await RpcAssert.InvalidAsync(
            () => api.Segments.CheckSegmentMembershipAsync(new CheckSegmentMembershipRequest { Segment = "x", Customer = "customers/" }).ResponseAsync,
            "segment", "customer");
    }

    [Fact]
    public async Task A_stored_filter_that_no_longer_checks_makes_member_reads_FAILED_PRECONDITION_until_it_is_updated()
    {
        // As after a tier was removed from the tier policy: the stored filter names a tier the server does not know.
        var id = NewSegmentId();
        await using (var command = fixture.Database.DataSource.CreateCommand(
            "INSERT INTO segments VALUES ($1, 'old', '', 'loyalty.tier = diamond', 4, now(), now())"))
        {
            command.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = id });
            await command.ExecuteNonQueryAsync();
        }

        var name = "segments/" + id;
        Assert.Equal("loyalty.tier = diamond", (await api.Segments.GetSegmentAsync(new GetSegmentRequest { Name = name })).Filter);
        var members = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition,
            () => api.Segments.ListSegmentMembersAsync(new ListSegmentMembersRequest { Segment = name }).ResponseAsync);
        Assert.Contains("filter: at 15: bad value \"diamond\"", members.Status.Detail, StringComparison.Ordinal);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Membership(name, "c-1"));

        await api.Segments.UpdateSegmentAsync(new UpdateSegmentRequest
        {
            Segment = new Segment { Name = name, Filter = "loyalty.tier = platinum", Etag = "4" },
            UpdateMask = new FieldMask { Paths = { "filter" } },
        });
        await api.Segments.ListSegmentMembersAsync(new ListSegmentMembersRequest { Segment = name });
    }

    private Task<CheckSegmentMembershipResponse> Membership(string segment, string customerId) =>
        api.Segments.CheckSegmentMembershipAsync(new CheckSegmentMembershipRequest { Segment = segment, Customer = TestData.CustomerName(customerId) }).ResponseAsync;

    private async Task<Segment> CreateAsync(string id, string filter) =>
        await api.Segments.CreateSegmentAsync(new CreateSegmentRequest { SegmentId = id, Segment = new Segment { DisplayName = id, Filter = filter } });

    private static string NewSegmentId() => "s-" + Guid.NewGuid().ToString("N")[..16];
}
