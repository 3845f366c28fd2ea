using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CustomerNeeds.Api.Tests.Durability;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.Tests.Merge;
using CustomerNeeds.Api.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Npgsql;

namespace CustomerNeeds.Api.Tests.Privacy;

/// <summary>
/// EraseCustomer on a real server and PostgreSQL (docs/privacy.md, Erasure): nothing that names the
/// customer, the customer merged into it or their personal data is left in any table; later calls are
/// refused, also after a restart.
/// </summary>
public sealed class EraseCustomerTests
{
    [Fact]
    public async Task Erasing_a_rich_customer_leaves_no_row_that_names_it_and_refuses_its_ids_for_ever()
    {
        await using var own = await OwnServer.StartAsync(new Dictionary<string, string> { ["CustomerNeeds__SnapshotInterval"] = "2" });
        var api = own.Clients;
        var ds = own.Database.DataSource;
        var tag = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..10];
        var target = Person("erin", tag, "+4179" + Digits(7));
        var source = Person("sven", tag, "+4178" + Digits(7));
        var (targetId, _) = await api.CreateCustomerAsync(target);
        var (sourceId, _) = await api.CreateCustomerAsync(source);

        await api.Kano.CreateKanoFeatureAsync(new CreateKanoFeatureRequest
        {
            FeatureId = "erase-" + tag,
            KanoFeature = new KanoFeature { DisplayName = "Reorder", FunctionalQuestion = "With it?", DysfunctionalQuestion = "Without it?" },
        }, deadline: Calls.Deadline());
        await api.Needs.CreateNeedAsync(new CreateNeedRequest { Parent = TestData.CustomerName(targetId), Need = TestData.Need("Faster delivery", 4, 3), Actor = "agent:anna" }, deadline: Calls.Deadline());
        var now = DateTimeOffset.UtcNow;
        var inquiry = TestData.Inquiry("i-1", Timestamp.FromDateTimeOffset(now.AddDays(-3)));
        inquiry.ContactPerson = target.ContactPersons[0].DisplayName;
        await api.RecordAsync(targetId, inquiry);
        await api.RecordAsync(targetId, TestData.Purchase("p-1", Timestamp.FromDateTimeOffset(now.AddDays(-2)), TestData.Eur(120)));
        var survey = TestData.Survey("s-1", Timestamp.FromDateTimeOffset(now.AddDays(-2)), csat: 4, nps: 9);
        survey.KanoAnswers.Add(new KanoFeatureAnswer { Feature = "kanoFeatures/erase-" + tag, Functional = KanoAnswer.Like, Dysfunctional = KanoAnswer.Dislike });
        await api.RecordAsync(targetId, survey);
        var closed = (await api.RecordAsync(targetId, TestData.Complaint("k-1", Timestamp.FromDateTimeOffset(now.AddDays(-1))))).OpenedComplaint;
        foreach (var status in new[] { ComplaintStatus.Accepted, ComplaintStatus.Analysed, ComplaintStatus.BeingHandled, ComplaintStatus.Resolved, ComplaintStatus.FollowUpDone, ComplaintStatus.Closed })
        {
            await api.Complaints.TransitionComplaintAsync(new TransitionComplaintRequest { Name = closed, TargetStatus = status, Actor = "agent:carla" }, deadline: Calls.Deadline());
        }

        // Open, recorded now: its first-response deadline lies ahead, so the SLA reminder is registered.
        await api.RecordAsync(targetId, TestData.Complaint("k-2", Timestamp.FromDateTimeOffset(now), ComplaintSeverity.Low));
        await api.RecordAsync(sourceId, TestData.Inquiry("i-s", Timestamp.FromDateTimeOffset(now.AddDays(-4))));
        await api.MergeAsync(sourceId, targetId);
        await ReadModelRowsAsync(ds, targetId);

        var needles = new[] { targetId, sourceId, target.DisplayName, target.EmailAddresses[0], target.PhoneNumbers[0], source.DisplayName, source.EmailAddresses[0], source.PhoneNumbers[0] };
        await WaitForAsync(async () => await ErasureCalls.CountAsync(ds, "SELECT count(*) FROM orleans_grain_state WHERE grain_id_extension = $1", targetId) > 0, "the target's snapshot");
        Assert.True(await ErasureCalls.CountAsync(ds, "SELECT count(*) FROM orleans_reminders WHERE grain_id LIKE '%' || $1", targetId) > 0, "the SLA reminder is registered");
        Assert.True(await ErasureCalls.CountAsync(ds, "SELECT count(*) FROM kano_answers WHERE customer_id = $1", targetId) > 0, "a KANO answer row");
        var before = await ErasureCalls.RowsNamingAsync(ds, needles);
        foreach (var needle in needles)
        {
            // Each value is stored somewhere before: the scan below can fail.
            Assert.Contains(before, row => row.Contains(needle, StringComparison.Ordinal));
        }

        using var watch = api.Customers.WatchCustomer(new WatchCustomerRequest { Name = TestData.CustomerName(targetId) }, deadline: Calls.Deadline());
        Assert.True(await watch.ResponseStream.MoveNext());

        var erased = await own.Server.EraseAsync(targetId);
        Assert.Equal(Sha256(targetId), erased.CustomerHash);
        Assert.Equal(2, erased.ErasedCustomerCount);
        Assert.False(string.IsNullOrEmpty(erased.ErasedBy));
        Assert.True(erased.EraseTime.ToDateTimeOffset() >= now);

        // The watcher's stream ends: NOT_FOUND, the customer was erased.
        var ended = await RpcAssert.FailsAsync(StatusCode.NotFound, async () =>
        {
            while (await watch.ResponseStream.MoveNext())
            {
            }
        });
        Assert.Contains("erased", ended.Status.Detail, StringComparison.Ordinal);

        Assert.Empty(await ErasureCalls.RowsNamingAsync(ds, needles));
        Assert.Equal(2, await ErasureCalls.CountAsync(
            ds, "SELECT count(*) FROM customer_tombstones WHERE customer_hash IN ($1, $2) AND erased_by <> '' AND erased_count = 2", Sha256(targetId), Sha256(sourceId)));
        await AssertRefusedAsync(own.Server, targetId, sourceId);
        Assert.Equal(erased, await own.Server.EraseAsync(targetId, "asked again"));

        await own.KillAndRestartAsync();
        await AssertRefusedAsync(own.Server, targetId, sourceId);
        Assert.Equal(erased, await own.Server.EraseAsync(targetId, "asked again after a restart"));
        Assert.Empty(await ErasureCalls.RowsNamingAsync(ds, needles));
    }

    private static async Task AssertRefusedAsync(ServerProcess server, string targetId, string sourceId)
    {
        var api = server.Clients;
        foreach (var id in new[] { targetId, sourceId })
        {
            await ErasureCalls.RefusedAsErasedAsync(() => api.RecordAsync(id, TestData.Inquiry("i-late", Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow))));
            await ErasureCalls.RefusedAsErasedAsync(() => api.CreateCustomerAsync(TestData.MinimalProfile(), id));
            var read = await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.GetCustomerAsync(id));
            Assert.Contains("erased", read.Status.Detail, StringComparison.Ordinal);
            await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.GetInteractionAsync(id, "i-1"));
        }
    }

    /// <summary>A person with a contact person and personal values unique to this test.</summary>
    private static Customer Person(string name, string tag, string phone)
    {
        var customer = TestData.MinimalProfile($"{name} Erasable {tag}");
        customer.EmailAddresses.Add($"{name}.{tag}@example.com");
        customer.PhoneNumbers.Add(phone);
        customer.ExternalIds.Add("webshop", $"{name}-{tag}");
        customer.ContactPersons.Add(new ContactPerson { DisplayName = $"{name} Contact {tag}", DecisionRole = DecisionRole.DecisionMaker });
        return customer;
    }

    /// <summary>A read-model row the service writes on a schedule only: the RFM scores.</summary>
    private static async Task ReadModelRowsAsync(NpgsqlDataSource ds, string customerId)
    {
        await using var command = ds.CreateCommand("INSERT INTO customer_rfm (customer_id, recency, frequency, monetary, computed_at) VALUES ($1, 5, 1, 2, now())");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customerId });
        await command.ExecuteNonQueryAsync();
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited 30 s for {what}.");
            await Task.Delay(100);
        }
    }

    private static string Digits(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(_ => RandomNumberGenerator.GetInt32(10).ToString(CultureInfo.InvariantCulture)));

    private static string Sha256(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
}
