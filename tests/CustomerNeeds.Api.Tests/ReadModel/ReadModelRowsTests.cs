using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Google.Protobuf.WellKnownTypes;
using static CustomerNeeds.Api.Tests.ReadModel.ReadModelDatabase;

namespace CustomerNeeds.Api.Tests.ReadModel;

/// <summary>The read-model rows a server writes beside the events, after real RPCs, against what the RPCs answer.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReadModelRowsTests(ServerFixture fixture)
{
    private readonly ApiClients api = fixture.Clients;

    private static KanoFeatureAnswer Answer(string feature, KanoAnswer functional, KanoAnswer dysfunctional) =>
        new() { Feature = "kanoFeatures/" + feature, Functional = functional, Dysfunctional = dysfunctional };

    /// <summary>A time as PostgreSQL keeps it: to the microsecond (the API shows 100 ns).</summary>
    private static DateTime? Time(Timestamp? t) => t?.ToDateTime() is { } d ? d.AddTicks(-(d.Ticks % 10)) : null;

    /// <summary>A customer with purchases, CSAT and NPS, a KANO survey, a referral, a complaint moved on, needs created and updated.</summary>
    private async Task<(string Id, string Speed, string Color, string Complaint)> BusyCustomerAsync()
    {
        var profile = TestData.FullProfile();
        profile.Tags.Add(["gold-club", "newsletter"]);
        profile.Attributes["read_model_segment"] = "b2b";
        var (id, _) = await api.CreateCustomerAsync(profile);
        var speed = TestData.NewId("f-speed");
        var color = TestData.NewId("f-color");
        await AddKanoFeaturesAsync(fixture.Database.DataSource, speed, color);

        await api.RecordAsync(id, TestData.Purchase("i-buy-1", TestData.At(TimeSpan.FromHours(1)), TestData.Eur(120, 500_000_000)));
        await api.RecordAsync(id, TestData.Purchase("i-buy-2", TestData.At(TimeSpan.FromHours(2)), TestData.Eur(80)));
        var survey = TestData.Survey("i-survey", TestData.At(TimeSpan.FromHours(3)), csat: 4, nps: 9);
        survey.KanoAnswers.Add([Answer(speed, KanoAnswer.Like, KanoAnswer.Dislike), Answer(color, KanoAnswer.Neutral, KanoAnswer.Neutral)]);
        await api.RecordAsync(id, survey);
        var older = TestData.Survey("i-survey-old", TestData.At(TimeSpan.FromMinutes(30)), csat: 2, nps: null);
        older.KanoAnswers.Add(Answer(speed, KanoAnswer.Dislike, KanoAnswer.Like));
        await api.RecordAsync(id, older);
        var referral = TestData.Inquiry("i-ref", TestData.At(TimeSpan.FromHours(4)));
        referral.Kind = InteractionKind.Referral;
        referral.ReferredCustomer = TestData.CustomerName(TestData.NewCustomerId());
        await api.RecordAsync(id, referral);
        var complaint = (await api.RecordAsync(id, TestData.Complaint("i-complaint", TestData.At(TimeSpan.FromHours(5)), ComplaintSeverity.High))).OpenedComplaint;
        var followUp = TestData.Inquiry("i-follow", TestData.At(TimeSpan.FromHours(6)), InteractionChannel.Chat);
        followUp.Direction = InteractionDirection.Outbound;
        followUp.RelatedComplaint = complaint;
        await api.RecordAsync(id, followUp);
        foreach (var status in new[] { ComplaintStatus.Accepted, ComplaintStatus.Analysed, ComplaintStatus.BeingHandled, ComplaintStatus.Resolved })
        {
            await api.Complaints.TransitionComplaintAsync(Rpc.ComplaintServiceTests.Transition(complaint, status), deadline: Calls.Deadline());
        }

        var needs = new List<Need>();
        foreach (var (title, kano) in new[] { ("Delivery within 24 hours", KanoClass.MustBe), ("Größere Auswahl, bitte!", KanoClass.Attractive) })
        {
            needs.Add(await api.Needs.CreateNeedAsync(
                new CreateNeedRequest { Parent = TestData.CustomerName(id), Need = TestData.Need(title, 4, 3, kano: kano), Actor = "analyst:eva" },
                deadline: Calls.Deadline()));
        }

        await api.Needs.UpdateNeedAsync(Rpc.NeedServiceTests.StatusChange(needs[0], NeedStatus.Analysed), deadline: Calls.Deadline());
        return (id, speed, color, complaint);
    }

    [Fact]
    public async Task After_real_rpcs_the_rows_equal_what_GetCustomer_ListNeeds_and_the_interactions_show()
    {
        var (id, speed, color, complaintName) = await BusyCustomerAsync();
        var customer = await api.GetCustomerAsync(id);
        var data = fixture.Database.DataSource;

        var summary = Assert.Single(await RowsAsync(data, "SELECT * FROM customer_summaries WHERE customer_id = $1", id));
        Assert.Equal(customer.DisplayName, summary["display_name"]);
        Assert.Equal((short)customer.Kind, summary["kind"]);
        Assert.Equal(customer.ValueTypes.Select(v => (short)v).ToArray(), summary["value_types"]);
        Assert.Equal((short)customer.RelationshipMode, summary["relationship_mode"]);
        Assert.Equal(customer.Industry, summary["industry"]);
        Assert.Equal(customer.Region, summary["region"]);
        Assert.Equal(customer.Tags.ToArray(), summary["tags"]);
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(new SortedDictionary<string, string>(customer.Attributes, StringComparer.Ordinal)),
            System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonSerializer.Deserialize<SortedDictionary<string, string>>((string)summary["attributes"]!)));
        Assert.Equal(customer.Loyalty.Tier, summary["tier"]);
        Assert.Equal((short)customer.Loyalty.LadderStage, summary["ladder_stage"]);
        Assert.Equal(customer.Loyalty.ChurnRiskScore, summary["churn_risk_score"]);
        Assert.Equal((short)customer.Loyalty.ChurnRiskLevel, summary["churn_risk_level"]);
        Assert.Equal(customer.Satisfaction.CsatMean, summary["csat_mean"]);
        Assert.Equal(3.0, summary["csat_mean"]);
        Assert.Equal(customer.Satisfaction.CsatCount, summary["csat_count"]);
        Assert.Equal(customer.Satisfaction.NpsScore, summary["nps_score"]);
        Assert.Equal((short)customer.Satisfaction.LastNps, summary["last_nps"]);
        Assert.Equal((short)3, summary["nps_category"]);
        Assert.Equal(customer.OpenComplaintCount, summary["open_complaint_count"]);
        Assert.Equal(customer.Lifetime.ComplaintCount, summary["complaint_count"]);
        Assert.Equal(customer.Lifetime.InteractionCount, summary["interaction_count"]);
        Assert.Equal(customer.Lifetime.PurchaseCount, summary["purchase_count"]);
        Assert.Equal(customer.Lifetime.LifetimeSpend.Units + (customer.Lifetime.LifetimeSpend.Nanos / 1e9m), (decimal)summary["lifetime_spend"]!);
        Assert.Equal(200.5m, (decimal)summary["lifetime_spend"]!);
        Assert.Equal(customer.Lifetime.ReferralCount, summary["referral_count"]);
        Assert.Equal(TestData.At(TimeSpan.FromHours(1)).ToDateTime(), summary["first_purchase_at"]);
        Assert.Equal(TestData.At(TimeSpan.FromHours(2)).ToDateTime(), summary["last_purchase_at"]);
        Assert.Equal(customer.RecentInteractions.Max(i => i.OccurTime)!.ToDateTime(), summary["last_interaction_at"]);
        Assert.Equal(Time(customer.CreateTime), summary["created_at"]);
        Assert.Equal(Time(customer.UpdateTime), summary["updated_at"]);
        Assert.Equal(Time(customer.UpdateTime), summary["evaluated_at"]);
        Assert.Equal(long.Parse(customer.Etag, System.Globalization.CultureInfo.InvariantCulture), summary["last_sequence"]);

        var needs = await api.ListAllNeedsAsync(new ListNeedsRequest { Parent = TestData.CustomerName(id) });
        var needRows = await RowsAsync(data, "SELECT * FROM customer_summary_needs WHERE customer_id = $1 ORDER BY need_id", id);
        Assert.Equal(needs.Count, needRows.Count);
        foreach (var need in needs)
        {
            var row = Assert.Single(needRows, r => need.Name.EndsWith("/" + (string)r["need_id"]!, StringComparison.Ordinal));
            Assert.Equal((need.Title, (short)need.Type, (short)need.Area, (short)need.KanoClass, (short)need.Status), ((string)row["title"]!, row["type"], row["area"], row["kano_class"], row["status"]));
        }

        Assert.Equal(["delivery", "within", "24", "hours"], (string[])Assert.Single(needRows, r => (string)r["title"]! == "Delivery within 24 hours")["title_words"]!);
        Assert.Equal(["größere", "auswahl", "bitte"], (string[])Assert.Single(needRows, r => (string)r["title"]! == "Größere Auswahl, bitte!")["title_words"]!);
        Assert.Equal((short)NeedStatus.Analysed, Assert.Single(needRows, r => (string)r["title"]! == "Delivery within 24 hours")["status"]);

        // The older survey (by occur time) does not replace the speed answer.
        var answers = await RowsAsync(data, "SELECT feature_id, functional, dysfunctional, answer_class, interaction_id FROM kano_answers WHERE customer_id = $1 ORDER BY feature_id", id);
        Assert.Equal(2, answers.Count);
        var speedRow = Assert.Single(answers, a => (string)a["feature_id"]! == speed);
        Assert.Equal(((short)1, (short)5, (short)KanoClass.OneDimensional, "i-survey"), (speedRow["functional"], speedRow["dysfunctional"], speedRow["answer_class"], speedRow["interaction_id"]));
        var colorRow = Assert.Single(answers, a => (string)a["feature_id"]! == color);
        Assert.Equal((short)KanoClass.Indifferent, colorRow["answer_class"]);

        foreach (var interaction in await api.ListAllInteractionsAsync(id))
        {
            var facts = Assert.Single(await RowsAsync(data, $"SELECT direction, csat, nps, amount, currency, related_complaint_id, referred_customer_id FROM customer_events WHERE customer_id = $1 AND interaction_id = '{interaction.InteractionId}'", id));
            Assert.Equal((short)interaction.Direction, facts["direction"]);
            Assert.Equal(interaction.HasCsat ? (short)interaction.Csat : null, facts["csat"]);
            Assert.Equal(interaction.HasNps ? (short)interaction.Nps : null, facts["nps"]);
            Assert.Equal(interaction.Amount is null ? null : interaction.Amount.Units + (interaction.Amount.Nanos / 1e9m), (decimal?)facts["amount"]);
            Assert.Equal(interaction.Amount?.CurrencyCode, facts["currency"]);
            Assert.Equal(interaction.RelatedComplaint.Length == 0 ? null : interaction.RelatedComplaint.Split('/')[^1], facts["related_complaint_id"]);
            Assert.Equal(interaction.ReferredCustomer.Length == 0 ? null : interaction.ReferredCustomer.Split('/')[^1], facts["referred_customer_id"]);
        }

        var complaint = await api.Complaints.GetComplaintAsync(new GetComplaintRequest { Name = complaintName }, deadline: Calls.Deadline());
        var complaintRow = Assert.Single(await RowsAsync(data, "SELECT severity, channel, first_response_at, resolved_at, closed_at, reopen_count FROM customer_complaints WHERE customer_id = $1", id));
        Assert.Equal((short)complaint.Severity, complaintRow["severity"]);
        Assert.Equal((short)ComplaintSeverity.High, complaintRow["severity"]);
        Assert.Equal("Email", complaintRow["channel"]);
        Assert.Equal(Time(complaint.FirstResponseTime), complaintRow["first_response_at"]);
        Assert.Equal(Time(complaint.ResolveTime), complaintRow["resolved_at"]);
        Assert.NotNull(complaintRow["resolved_at"]);
        Assert.Null(complaintRow["closed_at"]);
        Assert.Equal(complaint.ReopenCount, complaintRow["reopen_count"]);
    }

    [Fact]
    public async Task The_backfill_migration_computes_from_the_payloads_the_columns_the_server_writes()
    {
        var (id, _, _, _) = await BusyCustomerAsync();
        var data = fixture.Database.DataSource;
        const string Events = "SELECT sequence, direction, csat, nps, amount, currency, related_complaint_id, referred_customer_id FROM customer_events WHERE customer_id = $1 ORDER BY sequence";
        const string Complaints = "SELECT complaint_id, severity, channel, first_response_at, resolved_at, closed_at, reopen_count FROM customer_complaints WHERE customer_id = $1 ORDER BY complaint_id";
        var events = await RowsAsync(data, Events, id);
        var complaints = await RowsAsync(data, Complaints, id);

        await ExecuteAsync(data, $"""
            UPDATE customer_events SET direction = NULL, csat = NULL, nps = NULL, amount = NULL, currency = NULL, related_complaint_id = NULL, referred_customer_id = NULL
            WHERE customer_id = '{id}';
            UPDATE customer_complaints SET severity = NULL, channel = NULL, first_response_at = NULL, resolved_at = NULL, closed_at = NULL, reopen_count = NULL
            WHERE customer_id = '{id}';
            """);
        Assert.All(await RowsAsync(data, Events, id), e => Assert.Null(e["direction"]));
        await ExecuteAsync(data, Migration("0005_read_model_backfill"));

        Assert.Equal(events, await RowsAsync(data, Events, id));
        Assert.Equal(complaints, await RowsAsync(data, Complaints, id));
        Assert.Contains(events, e => e["amount"] is not null);
        Assert.Contains(events, e => e["referred_customer_id"] is not null);
        Assert.Contains(complaints, c => c["first_response_at"] is not null);
    }
}
