using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Google.Protobuf.WellKnownTypes;

namespace CustomerNeeds.Api.Tests.Durability;

/// <summary>
/// State written before a restart reads back identically after it: through the snapshot alone
/// (snapshot after every event), through snapshot plus log replay, and after a graceful stop.
/// </summary>
[Collection(DurabilityCollection.Name)]
public sealed class RestartReadBackTests
{
    public enum Restart
    {
        SigkillSnapshotEveryEvent,
        SigkillDefaultSnapshots,
        GracefulStop,
    }

    [Theory]
    [InlineData(Restart.SigkillSnapshotEveryEvent)]
    [InlineData(Restart.SigkillDefaultSnapshots)]
    [InlineData(Restart.GracefulStop)]
    public async Task Everything_written_before_a_restart_reads_back_identically(Restart restart)
    {
        var settings = restart == Restart.SigkillSnapshotEveryEvent
            ? new Dictionary<string, string> { ["CustomerNeeds__SnapshotInterval"] = "1" }
            : null;
        await using var own = await OwnServer.StartAsync(settings);
        var api = own.Clients;

        var (id, _) = await api.CreateCustomerAsync(TestData.FullProfile());
        var written = await WriteEverythingAsync(api, id);
        var before = await ReadEverythingAsync(api, id, written);

        if (restart == Restart.GracefulStop)
        {
            await own.Server.StopAsync();
            await own.Server.RestartAsync();
        }
        else
        {
            await own.KillAndRestartAsync();
        }

        var after = await ReadEverythingAsync(api, id, written);
        TestData.AssertUnchanged(before.Customer, after.Customer);
        Assert.Equal(before.Needs, after.Needs);
        Assert.Equal(before.Interactions, after.Interactions);
        Assert.Equal(before.Complaints, after.Complaints);
        Assert.Equal(before.Need, after.Need);
        Assert.Equal(before.Complaint, after.Complaint);
        Assert.Equal(Strip(before.Loyalty), Strip(after.Loyalty));

        // The restored state keeps working: etags, idempotency, workflows.
        var updated = await api.Customers.UpdateCustomerAsync(new UpdateCustomerRequest
        {
            Customer = new Customer { Name = TestData.CustomerName(id), DisplayName = "After restart", Etag = before.Customer.Etag },
            UpdateMask = new FieldMask { Paths = { "display_name" } },
        }, deadline: Calls.Deadline());
        Assert.Equal("After restart", updated.DisplayName);
        Assert.True((await api.RecordAsync(id, written.FirstInteraction)).Replayed);
        var moved = await api.Complaints.TransitionComplaintAsync(Rpc.ComplaintServiceTests.Transition(written.ComplaintName, ComplaintStatus.Analysed), deadline: Calls.Deadline());
        Assert.Equal(ComplaintStatus.Analysed, moved.Status);
    }

    private static Loyalty Strip(Loyalty loyalty)
    {
        var copy = loyalty.Clone();
        copy.EvaluateTime = null;
        copy.ChurnRisk = null;
        if (copy.Rfm is not null)
        {
            copy.Rfm.ClearDaysSinceLastPurchase();
        }

        return copy;
    }

    private sealed record Written(string NeedName, string ComplaintName, Interaction FirstInteraction);

    private sealed record Snapshot(Customer Customer, List<Need> Needs, List<Interaction> Interactions, List<Complaint> Complaints, Need Need, Complaint Complaint, Loyalty Loyalty);

    private static async Task<Written> WriteEverythingAsync(ApiClients api, string id)
    {
        var parent = TestData.CustomerName(id);
        var first = TestData.Purchase("p-1", TestData.At(TimeSpan.FromHours(1)), TestData.Eur(1234, 560_000_000));
        first.Csat = 4;
        await api.RecordAsync(id, first);
        await api.RecordAsync(id, TestData.Survey("s-1", TestData.At(TimeSpan.FromHours(2)), csat: 2, nps: 6));
        var complaint = await api.RecordAsync(id, TestData.Complaint("c-1", TestData.At(TimeSpan.FromHours(3)), ComplaintSeverity.Critical));
        await api.Complaints.TransitionComplaintAsync(Rpc.ComplaintServiceTests.Transition(complaint.OpenedComplaint, ComplaintStatus.Accepted, escalate: true, responsible: "team:quality", note: "on it"), deadline: Calls.Deadline());
        await api.RecordAsync(id, new Interaction
        {
            InteractionId = "r-1",
            Channel = InteractionChannel.Chat,
            Kind = InteractionKind.Referral,
            Direction = InteractionDirection.Inbound,
            OccurTime = TestData.At(TimeSpan.FromHours(4)),
            ReferredCustomer = TestData.CustomerName(TestData.NewCustomerId()),
        });

        var need = await api.Needs.CreateNeedAsync(new CreateNeedRequest
        {
            Parent = parent,
            NeedId = "n-1",
            Need = TestData.Need("Same-day delivery", 5, 4, NeedType.Explicit, NeedArea.Service, KanoClass.Attractive),
            Actor = "agent:anna",
        }, deadline: Calls.Deadline());
        await api.Needs.UpdateNeedAsync(Rpc.NeedServiceTests.StatusChange(need, NeedStatus.Analysed, "checked with logistics"), deadline: Calls.Deadline());
        await api.Needs.CreateNeedAsync(new CreateNeedRequest { Parent = parent, NeedId = "n-2", Need = TestData.Need("Invoices by mail", 2, 1), Actor = "agent:anna" }, deadline: Calls.Deadline());

        await api.Loyalty.SetTierFloorAsync(new SetTierFloorRequest { Name = TestData.LoyaltyName(id), Tier = "silver", Reason = "pilot customer", Actor = "manager:dan" }, deadline: Calls.Deadline());
        await api.Customers.UpdateCustomerAsync(new UpdateCustomerRequest
        {
            Customer = new Customer { Name = parent, Region = "DACH", Tags = { "vip", "pilot" } },
            UpdateMask = new FieldMask { Paths = { "region", "tags" } },
        }, deadline: Calls.Deadline());
        return new Written(need.Name, complaint.OpenedComplaint, first);
    }

    private static async Task<Snapshot> ReadEverythingAsync(ApiClients api, string id, Written written)
    {
        var parent = TestData.CustomerName(id);
        return new Snapshot(
            await api.GetCustomerAsync(id),
            await api.ListAllNeedsAsync(new ListNeedsRequest { Parent = parent }),
            await api.ListAllInteractionsAsync(id),
            await api.ListAllComplaintsAsync(new ListComplaintsRequest { Parent = parent }),
            await api.Needs.GetNeedAsync(new GetNeedRequest { Name = written.NeedName }, deadline: Calls.Deadline()),
            await api.Complaints.GetComplaintAsync(new GetComplaintRequest { Name = written.ComplaintName }, deadline: Calls.Deadline()),
            await api.Loyalty.GetLoyaltyAsync(new GetLoyaltyRequest { Name = TestData.LoyaltyName(id) }, deadline: Calls.Deadline()));
    }
}
