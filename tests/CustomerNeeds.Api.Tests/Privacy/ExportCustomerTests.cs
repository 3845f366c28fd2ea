using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.Tests.Merge;
using CustomerNeeds.Api.Tests.Rpc;
using CustomerNeeds.Api.V1;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Privacy;

/// <summary>ExportCustomer over real gRPC on real PostgreSQL (docs/privacy.md, Export).</summary>
[Collection(ApiCollection.Name)]
public sealed class ExportCustomerTests(ServerFixture fixture)
{
    /// <summary>More interactions than one storage read of the export (1,000).</summary>
    private const int Inquiries = 1_200;

    private readonly ApiClients api = fixture.Clients;

    [Fact]
    public async Task An_export_holds_exactly_what_the_ordinary_reads_return_in_the_documented_order()
    {
        var (id, _) = await api.CreateCustomerAsync(TestData.FullProfile());
        var needs = new List<Need>();
        foreach (var (title, importance) in new[] { ("Next-day delivery", 5), ("Lower price", 2), ("Invoice in English", 3) })
        {
            needs.Add(await api.Needs.CreateNeedAsync(
                new CreateNeedRequest { Parent = TestData.CustomerName(id), Need = TestData.Need(title, importance, 3), Actor = "agent:anna" }, deadline: Calls.Deadline()));
        }

        var analysed = await api.Needs.UpdateNeedAsync(NeedServiceTests.StatusChange(needs[0], NeedStatus.Analysed), deadline: Calls.Deadline());
        await api.Needs.UpdateNeedAsync(NeedServiceTests.StatusChange(analysed, NeedStatus.Planned), deadline: Calls.Deadline());

        var complaints = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            complaints.Add((await api.RecordAsync(id, TestData.Complaint($"i-complaint-{i}", TestData.At(TimeSpan.FromMinutes(i))))).OpenedComplaint);
        }

        foreach (var step in new[] { ComplaintStatus.Accepted, ComplaintStatus.Analysed, ComplaintStatus.BeingHandled, ComplaintStatus.Resolved, ComplaintStatus.FollowUpDone, ComplaintStatus.Closed })
        {
            await api.Complaints.TransitionComplaintAsync(ComplaintServiceTests.Transition(complaints[0], step), deadline: Calls.Deadline());
        }

        await api.Complaints.TransitionComplaintAsync(ComplaintServiceTests.Transition(complaints[1], ComplaintStatus.Accepted), deadline: Calls.Deadline());
        await Calls.ForAllAsync(Inquiries, 16, i => api.RecordAsync(id, TestData.Inquiry($"i-{i:D4}", TestData.At(TimeSpan.FromSeconds(10 + i)))));
        await api.SetConsentAsync(id, "profiling", ConsentStatus.Denied, source: "app");
        await api.SetConsentAsync(id, "marketing-email", ConsentStatus.Granted, source: "webshop");

        var exported = await api.ExportAsync(id);

        Assert.Equal(
            ["Customer", "Loyalty", "Need", "Complaint", "Interaction", "Summary"],
            Runs(exported.Select(e => e.ItemCase.ToString())));
        var customer = exported[0].Customer;
        var read = await api.GetCustomerAsync(id);
        Assert.Equal(read.Etag, customer.Etag);
        Assert.Equal(TestData.ProfileOf(read), TestData.ProfileOf(customer));
        Assert.Equal(read.Lifetime, customer.Lifetime);
        Assert.Equal(["marketing-email", "profiling"], customer.Consents.Select(c => c.Purpose));
        Assert.Equal(read.Consents, customer.Consents);

        var loyalty = exported[1].Loyalty;
        Assert.Equal(TestData.LoyaltyName(id), loyalty.Name);
        Assert.Equal((await api.Loyalty.GetLoyaltyAsync(new GetLoyaltyRequest { Name = TestData.LoyaltyName(id) }, deadline: Calls.Deadline())).Tier, loyalty.Tier);

        var listedNeeds = await api.ListAllNeedsAsync(new ListNeedsRequest { Parent = TestData.CustomerName(id), PageSize = 2 });
        var exportedNeeds = exported.Where(e => e.ItemCase == ExportCustomerResponse.ItemOneofCase.Need).Select(e => e.Need).ToList();
        Assert.Equal(listedNeeds, exportedNeeds);
        Assert.Equal(3, exportedNeeds.Single(n => n.Name == needs[0].Name).History.Count);

        var listedComplaints = await api.ListAllComplaintsAsync(new ListComplaintsRequest { Parent = TestData.CustomerName(id), PageSize = 2 });
        var exportedComplaints = exported.Where(e => e.ItemCase == ExportCustomerResponse.ItemOneofCase.Complaint).Select(e => e.Complaint).ToList();
        Assert.Equal(listedComplaints.Select(k => k.Name), exportedComplaints.Select(k => k.Name));
        Assert.Equal(complaints.Order(StringComparer.Ordinal), exportedComplaints.Select(k => k.Name).Order(StringComparer.Ordinal));
        var closed = exportedComplaints.Single(k => k.Name == complaints[0]);
        Assert.Equal(ComplaintStatus.Closed, closed.Status);
        Assert.Equal(7, closed.History.Count);
        Assert.Equal(2, exportedComplaints.Single(k => k.Name == complaints[1]).History.Count);

        var listedInteractions = await api.ListAllInteractionsAsync(id);
        var exportedInteractions = exported.Where(e => e.ItemCase == ExportCustomerResponse.ItemOneofCase.Interaction).Select(e => e.Interaction).ToList();
        Assert.Equal(Inquiries + 3, exportedInteractions.Count);
        Assert.Equal(listedInteractions.Select(i => i.Name), exportedInteractions.Select(i => i.Name));
        Assert.Equal(listedInteractions, exportedInteractions);
        Calls.AssertNewestFirst(exportedInteractions);

        var summary = exported[^1].Summary;
        Assert.Equal((3L, 3L, Inquiries + 3L, 2L, read.Etag), (summary.NeedCount, summary.ComplaintCount, summary.InteractionCount, summary.ConsentCount, summary.Etag));
        Assert.InRange(summary.ExportTime.ToDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task A_customer_with_nothing_but_a_profile_exports_the_customer_its_loyalty_and_a_summary_of_zeros()
    {
        var (id, created) = await api.CreateCustomerAsync();

        var exported = await api.ExportAsync(id);

        Assert.Equal(["Customer", "Loyalty", "Summary"], exported.Select(e => e.ItemCase.ToString()));
        var summary = exported[2].Summary;
        Assert.Equal((0L, 0L, 0L, 0L, created.Etag), (summary.NeedCount, summary.ComplaintCount, summary.InteractionCount, summary.ConsentCount, summary.Etag));
    }

    [Fact]
    public async Task The_export_of_a_merged_customer_is_the_export_of_the_customer_it_was_merged_into_with_the_consents_of_both()
    {
        var (source, _) = await api.CreateCustomerAsync();
        var (target, _) = await api.CreateCustomerAsync();
        await api.RecordAsync(source, TestData.Inquiry("i-source", TestData.At(TimeSpan.FromHours(1))));
        await api.RecordAsync(target, TestData.Inquiry("i-target", TestData.At(TimeSpan.FromHours(2))));
        await api.SetConsentAsync(target, "profiling", ConsentStatus.Granted);
        await api.SetConsentAsync(source, "marketing-email", ConsentStatus.Denied, source: "old-record");
        await api.MergeAsync(source, target);

        var viaAlias = await api.ExportAsync(source);
        var direct = await api.ExportAsync(target);

        Assert.Equal((await api.GetCustomerAsync(source)).Name, viaAlias[0].Customer.Name);
        Assert.Equal(TestData.CustomerName(target), viaAlias[0].Customer.Name);
        Assert.Equal(Names(direct), Names(viaAlias));
        Assert.Equal(
            (await api.ListAllInteractionsAsync(target)).Select(i => i.Name),
            viaAlias.Where(e => e.ItemCase == ExportCustomerResponse.ItemOneofCase.Interaction).Select(e => e.Interaction.Name));
        Assert.Equal(2, viaAlias[^1].Summary.InteractionCount);
        Assert.Equal(2, viaAlias[^1].Summary.ConsentCount);
        Assert.Equal(
            [("marketing-email", ConsentStatus.Denied, "old-record"), ("profiling", ConsentStatus.Granted, "")],
            viaAlias[0].Customer.Consents.Select(c => (c.Purpose, c.Status, c.Source)));
    }

    [Fact]
    public async Task An_unknown_customer_is_not_found_and_a_malformed_name_invalid()
    {
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.ExportAsync(TestData.NewCustomerId()));
        await RpcAssert.InvalidAsync(
            async () =>
            {
                using var call = api.Privacy().ExportCustomer(new ExportCustomerRequest { Name = "customers/a/b" }, deadline: Calls.Deadline());
                await call.ResponseStream.MoveNext(CancellationToken.None);
            },
            "name");
    }

    private static List<string> Runs(IEnumerable<string> kinds)
    {
        var runs = new List<string>();
        foreach (var kind in kinds)
        {
            if (runs.Count == 0 || runs[^1] != kind)
            {
                runs.Add(kind);
            }
        }

        return runs;
    }

    private static List<string> Names(IEnumerable<ExportCustomerResponse> items) => items.Select(e => e.ItemCase switch
    {
        ExportCustomerResponse.ItemOneofCase.Customer => e.Customer.Name,
        ExportCustomerResponse.ItemOneofCase.Loyalty => e.Loyalty.Name,
        ExportCustomerResponse.ItemOneofCase.Need => e.Need.Name,
        ExportCustomerResponse.ItemOneofCase.Complaint => e.Complaint.Name,
        ExportCustomerResponse.ItemOneofCase.Interaction => e.Interaction.Name,
        _ => e.ItemCase.ToString(),
    }).ToList();
}
