using CustomerNeeds.Api.Tests.Durability;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.ComplaintSla;

/// <summary>ListBreaches and ListDueFollowUps through real gRPC on a server of its own (docs/complaint-slas.md).</summary>
[Collection(DurabilityCollection.Name)]
public sealed class ComplaintSlaApiTests
{
    [Fact]
    public async Task Breaches_are_listed_across_customers_paged_and_filtered()
    {
        await using var own = await SlaServer.StartAsync();
        var api = own.Clients;
        // Three critical complaints whose 1 h response target ends in a few seconds; one high
        // complaint recorded after its 4 h response deadline (not timed: it was missed before the
        // service knew of it) whose 72 h resolution target ends in a few seconds.
        var critical = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            critical.Add(await SlaServer.ComplaintDueInAsync(api, ComplaintSeverity.Critical, TimeSpan.FromSeconds(3)));
        }

        var high = await SlaServer.ComplaintDueInAsync(api, ComplaintSeverity.High, TimeSpan.FromHours(-68) + TimeSpan.FromSeconds(3));

        await SlaServer.EventuallyAsync(async () => (await SlaServer.AllBreachesAsync(api, new ListBreachesRequest())).Count == 4, "four breaches are listed");

        var all = await SlaServer.AllBreachesAsync(api, new ListBreachesRequest());
        Assert.Equal(all.OrderBy(b => b.DetectTime).ThenBy(b => b.Complaint.Name, StringComparer.Ordinal).ThenBy(b => b.Target).Select(b => (b.Complaint.Name, b.Target)), all.Select(b => (b.Complaint.Name, b.Target)));
        Assert.Equal(
            critical.Select(SlaServer.K1).Order(StringComparer.Ordinal),
            all.Where(b => b.Target == SlaTarget.FirstResponse).Select(b => b.Complaint.Name).Order(StringComparer.Ordinal));
        var resolution = Assert.Single(all, b => b.Target == SlaTarget.Resolution);
        Assert.Equal(SlaServer.K1(high), resolution.Complaint.Name);
        Assert.Equal(resolution.Complaint.ResolutionSlaDeadline, resolution.Deadline);
        Assert.NotNull(resolution.Complaint.ResolutionBreachTime);
        Assert.Null(resolution.Complaint.ResponseBreachTime);
        Assert.Equal(1, resolution.Complaint.EscalationLevel);
        foreach (var breach in all)
        {
            Assert.True(breach.DetectTime.ToDateTimeOffset() >= breach.Deadline.ToDateTimeOffset());
            Assert.Contains(breach.Complaint.History, step => step.Actor == "sla" && step.Escalated);
        }

        var firstResponse = all.First(b => b.Target == SlaTarget.FirstResponse);
        Assert.Equal(firstResponse.Complaint.ResponseSlaDeadline, firstResponse.Deadline);
        Assert.NotNull(firstResponse.Complaint.ResponseBreachTime);
        Assert.Equal(1, firstResponse.Complaint.EscalationLevel);

        // Paging: 2 + 2, the same breaches in the same order; a page size of 3 leaves 1.
        var pages = new List<int>();
        var paged = new List<SlaBreach>();
        var request = new ListBreachesRequest { PageSize = 2 };
        do
        {
            var response = await api.Complaints.ListBreachesAsync(request);
            pages.Add(response.Breaches.Count);
            paged.AddRange(response.Breaches);
            request.PageToken = response.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        Assert.Equal([2, 2], pages);
        Assert.Equal(all.Select(b => (b.Complaint.Name, b.Target)), paged.Select(b => (b.Complaint.Name, b.Target)));

        // Filters.
        Assert.Single(await SlaServer.AllBreachesAsync(api, new ListBreachesRequest { Target = SlaTarget.Resolution }));
        Assert.Equal(3, (await SlaServer.AllBreachesAsync(api, new ListBreachesRequest { Target = SlaTarget.FirstResponse })).Count);
        Assert.Single(await SlaServer.AllBreachesAsync(api, new ListBreachesRequest { Severities = { ComplaintSeverity.High } }));
        var three = await api.Complaints.ListBreachesAsync(new ListBreachesRequest { PageSize = 3 });
        Assert.Single((await api.Complaints.ListBreachesAsync(new ListBreachesRequest { PageSize = 3, PageToken = three.NextPageToken })).Breaches);
        Assert.Equal(3, (await SlaServer.AllBreachesAsync(api, new ListBreachesRequest { Severities = { ComplaintSeverity.Critical }, PageSize = 1 })).Count);
        var first = all[0].DetectTime.ToDateTimeOffset();
        var last = all[^1].DetectTime.ToDateTimeOffset();
        Assert.Empty(await SlaServer.AllBreachesAsync(api, new ListBreachesRequest { DetectedBefore = Timestamp.FromDateTimeOffset(first) }));
        Assert.Equal(4, (await SlaServer.AllBreachesAsync(api, new ListBreachesRequest { DetectedAfter = Timestamp.FromDateTimeOffset(first), DetectedBefore = Timestamp.FromDateTimeOffset(last.AddTicks(10)) })).Count);
    }

    [Fact]
    public async Task A_resolved_complaint_is_listed_for_follow_up_until_the_follow_up_is_done()
    {
        await using var own = await SlaServer.StartAsync();
        var api = own.Clients;
        var id = await SlaServer.ComplaintDueInAsync(api, ComplaintSeverity.Critical, TimeSpan.FromMinutes(30));
        var name = SlaServer.K1(id);
        foreach (var to in new[] { ComplaintStatus.Accepted, ComplaintStatus.Analysed, ComplaintStatus.BeingHandled, ComplaintStatus.Resolved })
        {
            await api.Complaints.TransitionComplaintAsync(new TransitionComplaintRequest { Name = name, TargetStatus = to, Actor = "agent:eve" });
        }

        Assert.Empty((await api.Complaints.ListDueFollowUpsAsync(new ListDueFollowUpsRequest())).Complaints);
        await SlaServer.EventuallyAsync(async () => (await api.Complaints.ListDueFollowUpsAsync(new ListDueFollowUpsRequest())).Complaints.Count == 1, "the follow-up falls due");

        var due = Assert.Single((await api.Complaints.ListDueFollowUpsAsync(new ListDueFollowUpsRequest())).Complaints);
        Assert.Equal((name, ComplaintStatus.Resolved, 0), (due.Name, due.Status, due.EscalationLevel));
        Assert.NotNull(due.FollowUpFellDueTime);
        Assert.True(due.FollowUpFellDueTime.ToDateTimeOffset() >= due.FollowUpDueTime.ToDateTimeOffset());
        Assert.Equal("sla", due.History[^1].Actor);
        Assert.Empty((await api.Complaints.ListDueFollowUpsAsync(new ListDueFollowUpsRequest { Severities = { ComplaintSeverity.Low } })).Complaints);
        Assert.Empty((await api.Complaints.ListBreachesAsync(new ListBreachesRequest())).Breaches);

        await api.Complaints.TransitionComplaintAsync(new TransitionComplaintRequest { Name = name, TargetStatus = ComplaintStatus.FollowUpDone, Actor = "agent:eve" });
        Assert.Empty((await api.Complaints.ListDueFollowUpsAsync(new ListDueFollowUpsRequest())).Complaints);
    }

    [Fact]
    public async Task Due_follow_ups_are_paged_in_due_order()
    {
        await using var own = await SlaServer.StartAsync();
        var api = own.Clients;
        var names = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var id = await SlaServer.ComplaintDueInAsync(api, ComplaintSeverity.Critical, TimeSpan.FromMinutes(30));
            names.Add(SlaServer.K1(id));
            foreach (var to in new[] { ComplaintStatus.Accepted, ComplaintStatus.Analysed, ComplaintStatus.BeingHandled, ComplaintStatus.Resolved })
            {
                await api.Complaints.TransitionComplaintAsync(new TransitionComplaintRequest { Name = SlaServer.K1(id), TargetStatus = to, Actor = "agent:eve" });
            }
        }

        await SlaServer.EventuallyAsync(async () => (await api.Complaints.ListDueFollowUpsAsync(new ListDueFollowUpsRequest())).Complaints.Count == 3, "three follow-ups fall due");

        var first = await api.Complaints.ListDueFollowUpsAsync(new ListDueFollowUpsRequest { PageSize = 2 });
        var second = await api.Complaints.ListDueFollowUpsAsync(new ListDueFollowUpsRequest { PageSize = 2, PageToken = first.NextPageToken });
        Assert.Equal(2, first.Complaints.Count);
        Assert.Equal("", second.NextPageToken);
        // Resolved one after the other: due in the same order.
        Assert.Equal(names, first.Complaints.Concat(second.Complaints).Select(k => k.Name));
    }

    [Fact]
    public async Task Bad_list_requests_are_invalid_argument()
    {
        await using var own = await SlaServer.StartAsync();
        var c = own.Clients.Complaints;

        await RpcAssert.InvalidAsync(() => c.ListBreachesAsync(new ListBreachesRequest { PageSize = -1 }).ResponseAsync, "page_size");
        await RpcAssert.InvalidAsync(() => c.ListBreachesAsync(new ListBreachesRequest { Severities = { ComplaintSeverity.Unspecified } }).ResponseAsync, "severities[0]");
        await RpcAssert.InvalidAsync(() => c.ListBreachesAsync(new ListBreachesRequest { Severities = { ComplaintSeverity.High, ComplaintSeverity.High } }).ResponseAsync, "severities[1]");
        await RpcAssert.InvalidAsync(() => c.ListBreachesAsync(new ListBreachesRequest { Target = (SlaTarget)7 }).ResponseAsync, "target");
        var now = DateTimeOffset.UtcNow;
        await RpcAssert.InvalidAsync(() => c.ListBreachesAsync(new ListBreachesRequest { DetectedAfter = Timestamp.FromDateTimeOffset(now), DetectedBefore = Timestamp.FromDateTimeOffset(now) }).ResponseAsync, "detected_before");
        await RpcAssert.InvalidAsync(() => c.ListBreachesAsync(new ListBreachesRequest { DetectedAfter = new Timestamp { Seconds = 1, Nanos = -1 } }).ResponseAsync, "detected_after");
        await RpcAssert.InvalidAsync(() => c.ListBreachesAsync(new ListBreachesRequest { PageToken = "not-a-token" }).ResponseAsync, "page_token");
        await RpcAssert.InvalidAsync(() => c.ListDueFollowUpsAsync(new ListDueFollowUpsRequest { PageSize = -5 }).ResponseAsync, "page_size");
        await RpcAssert.InvalidAsync(() => c.ListDueFollowUpsAsync(new ListDueFollowUpsRequest { Severities = { (ComplaintSeverity)9 } }).ResponseAsync, "severities[0]");
        await RpcAssert.InvalidAsync(() => c.ListDueFollowUpsAsync(new ListDueFollowUpsRequest { PageToken = "AAAA" }).ResponseAsync, "page_token");

        // A token only fits the request it came from.
        var api = own.Clients;
        for (var i = 0; i < 2; i++)
        {
            await SlaServer.ComplaintDueInAsync(api, ComplaintSeverity.Critical, TimeSpan.FromSeconds(2));
        }

        await SlaServer.EventuallyAsync(async () => (await c.ListBreachesAsync(new ListBreachesRequest())).Breaches.Count == 2, "two breaches are listed");
        var token = (await c.ListBreachesAsync(new ListBreachesRequest { PageSize = 1 })).NextPageToken;
        Assert.NotEqual("", token);
        await RpcAssert.InvalidAsync(() => c.ListBreachesAsync(new ListBreachesRequest { PageSize = 1, PageToken = token, Target = SlaTarget.Resolution }).ResponseAsync, "page_token");
        await RpcAssert.InvalidAsync(() => c.ListDueFollowUpsAsync(new ListDueFollowUpsRequest { PageToken = token }).ResponseAsync, "page_token");
        Assert.Single((await c.ListBreachesAsync(new ListBreachesRequest { PageSize = 1, PageToken = token })).Breaches);
    }

    [Fact]
    public async Task A_breach_due_after_a_kill_happens_after_the_restart()
    {
        await using var own = await SlaServer.StartAsync();
        var api = own.Clients;
        var id = await SlaServer.ComplaintDueInAsync(api, ComplaintSeverity.Critical, TimeSpan.FromSeconds(8));

        await own.KillAndRestartAsync();

        // Nobody calls the customer: the reminder stored in PostgreSQL brings the breach.
        await SlaServer.EventuallyAsync(async () => (await own.Clients.Complaints.ListBreachesAsync(new ListBreachesRequest())).Breaches.Count == 1, "the breach is listed after the restart");
        var breach = Assert.Single((await own.Clients.Complaints.ListBreachesAsync(new ListBreachesRequest())).Breaches);
        Assert.Equal((SlaServer.K1(id), SlaTarget.FirstResponse, 1), (breach.Complaint.Name, breach.Target, breach.Complaint.EscalationLevel));
    }

    [Fact]
    public async Task In_memory_the_list_rpcs_are_failed_precondition()
    {
        await using var server = await ServerProcess.StartAsync(connectionString: null, SlaServer.Settings);
        var c = server.Clients.Complaints;

        var breaches = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => c.ListBreachesAsync(new ListBreachesRequest()).ResponseAsync);
        var followUps = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => c.ListDueFollowUpsAsync(new ListDueFollowUpsRequest()).ResponseAsync);
        Assert.Contains("requires PostgreSQL storage", breaches.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("requires PostgreSQL storage", followUps.Status.Detail, StringComparison.Ordinal);

        // The timers still run in memory: the breach shows on the complaint.
        var id = await SlaServer.ComplaintDueInAsync(server.Clients, ComplaintSeverity.Critical, TimeSpan.FromSeconds(1));
        await SlaServer.EventuallyAsync(
            async () => (await c.GetComplaintAsync(new GetComplaintRequest { Name = SlaServer.K1(id) })).EscalationLevel == 1,
            "the in-memory reminder breaches the complaint");
    }

    [Theory]
    [InlineData("CustomerNeeds__ComplaintSla__Defaults__ResponseHigh", "00:00:00", "Defaults:ResponseHigh")]
    [InlineData("CustomerNeeds__ComplaintSla__Tiers__diamond__ResponseHigh", "00:10:00", "Tiers:diamond")]
    [InlineData("CustomerNeeds__ComplaintSla__BusinessHours__TimeZoneId", "Mars/Olympus", "TimeZoneId")]
    [InlineData("CustomerNeeds__ComplaintSla__BusinessHours__Opens", "19:00:00", "Opens")]
    [InlineData("CustomerNeeds__ComplaintSla__Defaults__ResolutionLow", "soon", "ComplaintSla")]
    public async Task Invalid_sla_configuration_stops_the_start_up_with_a_clear_message(string key, string value, string expected)
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(
            () => ServerProcess.StartAsync(connectionString: null, new Dictionary<string, string> { [key] = value }));

        Assert.Contains("exited", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tier_and_business_hours_from_configuration_set_the_deadlines()
    {
        await using var server = await ServerProcess.StartAsync(connectionString: null, new Dictionary<string, string>
        {
            ["CustomerNeeds__ComplaintSla__Tiers__bronze__ResponseMedium"] = "02:00:00",
            ["CustomerNeeds__ComplaintSla__Tiers__bronze__ResolutionMedium"] = "1.00:00:00",
            ["CustomerNeeds__ComplaintSla__BusinessHours__TimeZoneId"] = "Europe/Berlin",
            ["CustomerNeeds__ComplaintSla__BusinessHours__Opens"] = "09:00:00",
            ["CustomerNeeds__ComplaintSla__BusinessHours__Closes"] = "17:00:00",
            ["CustomerNeeds__ComplaintSla__BusinessHours__WorkingDays__0"] = "Monday",
            ["CustomerNeeds__ComplaintSla__BusinessHours__WorkingDays__1"] = "Tuesday",
        });
        var api = server.Clients;
        var (id, created) = await api.CreateCustomerAsync();
        Assert.Equal("bronze", created.Loyalty.Tier);

        // Friday 2025-01-17 16:00 Berlin: the next working time is Monday 09:00 (08:00Z);
        // 2 h bronze response -> 10:00Z; 24 h bronze medium resolution: Mon 8 h + Tue 8 h + next Mon 8 h.
        var opened = Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 1, 17, 15, 0, 0, TimeSpan.Zero));
        await api.RecordAsync(id, TestData.Complaint("i-1", opened, ComplaintSeverity.Medium));

        var k1 = await api.Complaints.GetComplaintAsync(new GetComplaintRequest { Name = SlaServer.K1(id) });
        Assert.Equal(new DateTimeOffset(2025, 1, 20, 10, 0, 0, TimeSpan.Zero), k1.ResponseSlaDeadline.ToDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2025, 1, 27, 16, 0, 0, TimeSpan.Zero), k1.ResolutionSlaDeadline.ToDateTimeOffset());
    }
}
