using CustomerNeeds.Api.Tests.Durability;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Npgsql;
using static CustomerNeeds.Api.Tests.ReadModel.ReadModelDatabase;

namespace CustomerNeeds.Api.Tests.ReadModel;

/// <summary>
/// The read model after a concurrent workload through a real server equals a rebuild from the log:
/// every row of every derived table, every column. The rebuild evaluates the time-driven values at
/// the customer's last event, as the write path does, so nothing legitimately differs.
/// </summary>
[Collection(DurabilityCollection.Name)]
public sealed class ReadModelRebuildTests
{
    private const int Customers = 40;
    private const int HotCustomers = 3;
    private static readonly string[] Features = ["f-speed", "f-color", "f-price", "f-app"];

    [Fact]
    public async Task The_read_model_after_a_concurrent_workload_equals_a_rebuild_from_the_log()
    {
        await using var own = await OwnServer.StartAsync();
        var data = own.Database.DataSource;
        await FirstWorkloadAsync(own);

        await CopyAsync(data, "live_");
        await TruncateAsync(data);
        var (exit, output) = await ServerVerb.RunAsync(own.Database.ConnectionString, "rebuild-read-model", "--batch-size", "7");

        Assert.True(exit == 0, output);
        Assert.Contains($"rebuild-read-model: {Customers} customers", output, StringComparison.Ordinal);
        await AssertSameRowsAsync(data, "live_");

        // A second run finds every row current and writes nothing.
        var (again, againOutput) = await ServerVerb.RunAsync(own.Database.ConnectionString, "rebuild-read-model");
        Assert.True(again == 0, againOutput);
        Assert.Contains("rows written: 0 summaries, 0 needs, 0 KANO answers", againOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rebuild_beside_live_writes_leaves_the_rows_a_rebuild_from_the_log_writes()
    {
        await using var own = await OwnServer.StartAsync();
        var data = own.Database.DataSource;
        var ids = await FirstWorkloadAsync(own);

        // Rebuild into emptied tables while the server goes on writing to the same customers.
        await TruncateAsync(data);
        var rebuild = ServerVerb.RunAsync(own.Database.ConnectionString, "rebuild-read-model", "--batch-size", "3");
        await RunWorkloadAsync(own.Clients, ids, round: 1, create: false);
        var (exit, output) = await rebuild;
        Assert.True(exit == 0, output);

        await CopyAsync(data, "live_");
        await TruncateAsync(data);
        (exit, output) = await ServerVerb.RunAsync(own.Database.ConnectionString, "rebuild-read-model");
        Assert.True(exit == 0, output);
        await AssertSameRowsAsync(data, "live_");
    }

    /// <summary>The KANO features, then the first workload on new customers; returns their ids.</summary>
    private static async Task<string[]> FirstWorkloadAsync(OwnServer own)
    {
        await AddKanoFeaturesAsync(own.Database.DataSource, Features);
        var ids = Enumerable.Range(0, Customers).Select(_ => TestData.NewCustomerId()).ToArray();
        await RunWorkloadAsync(own.Clients, ids, round: 0);
        return ids;
    }

    /// <summary>
    /// Many customers written concurrently: purchases, CSAT/NPS surveys with KANO answers (some
    /// with older occur times than answers already held), referrals, complaints moved through their
    /// workflow, needs created and updated; a few hot customers get many concurrent interactions.
    /// </summary>
    private static async Task RunWorkloadAsync(ApiClients api, string[] ids, int round, bool create = true)
    {
        if (create)
        {
            await Calls.ForAllAsync(ids.Length, 16, async c => await api.CreateCustomerAsync(TestData.MinimalProfile("Customer " + c), ids[c]));
        }

        await Calls.ForAllAsync(ids.Length, 16, async c =>
        {
            var id = ids[c];
            var random = new Random((c * 31) + round);
            var steps = c < HotCustomers ? 60 : 6;
            await Calls.ForAllAsync(steps, c < HotCustomers ? 32 : 3, async s =>
            {
                var interactionId = $"i-{round}-{s}";
                var at = TestData.At(TimeSpan.FromMinutes(random.Next(0, 2_000)));
                switch (s % 6)
                {
                    case 0:
                        await api.RecordAsync(id, TestData.Purchase(interactionId, at, TestData.Eur(random.Next(1, 500), random.Next(0, 100) * 10_000_000)));
                        break;
                    case 1:
                        var survey = TestData.Survey(interactionId, at, csat: random.Next(1, 6), nps: random.Next(0, 11));
                        foreach (var feature in Features.Where(_ => random.Next(2) == 0))
                        {
                            survey.KanoAnswers.Add(new KanoFeatureAnswer
                            {
                                Feature = "kanoFeatures/" + feature,
                                Functional = (KanoAnswer)random.Next(1, 6),
                                Dysfunctional = (KanoAnswer)random.Next(1, 6),
                            });
                        }

                        await api.RecordAsync(id, survey);
                        break;
                    case 2:
                        var complaint = (await api.RecordAsync(id, TestData.Complaint(interactionId, at))).OpenedComplaint;
                        await api.Complaints.TransitionComplaintAsync(Rpc.ComplaintServiceTests.Transition(complaint, ComplaintStatus.Accepted), deadline: Calls.Deadline());
                        break;
                    case 3:
                        var referral = TestData.Inquiry(interactionId, at);
                        referral.Kind = InteractionKind.Referral;
                        referral.ReferredCustomer = TestData.CustomerName(TestData.NewCustomerId());
                        await api.RecordAsync(id, referral);
                        break;
                    case 4:
                        var need = await api.Needs.CreateNeedAsync(
                            new CreateNeedRequest { Parent = TestData.CustomerName(id), Need = TestData.Need($"Need {round} {s}: faster delivery", 3, random.Next(1, 6)), Actor = "analyst:eva" },
                            deadline: Calls.Deadline());
                        await api.Needs.UpdateNeedAsync(Rpc.NeedServiceTests.StatusChange(need, NeedStatus.Analysed), deadline: Calls.Deadline());
                        break;
                    default:
                        await api.RecordAsync(id, TestData.Inquiry(interactionId, at, InteractionChannel.Chat));
                        break;
                }
            });
        });
    }
}
