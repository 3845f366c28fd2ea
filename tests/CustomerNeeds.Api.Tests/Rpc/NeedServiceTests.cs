using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Google.Protobuf.WellKnownTypes;

namespace CustomerNeeds.Api.Tests.Rpc;

/// <summary>CreateNeed, GetNeed, ListNeeds and UpdateNeed happy paths.</summary>
[Collection(ApiCollection.Name)]
public sealed class NeedServiceTests(ServerFixture fixture)
{
    private readonly ApiClients api = fixture.Clients;

    private async Task<Need> CreateNeedAsync(string customerId, Need need, string needId = "") =>
        await api.Needs.CreateNeedAsync(
            new CreateNeedRequest { Parent = TestData.CustomerName(customerId), NeedId = needId, Need = need, Actor = "analyst:eva" },
            deadline: Calls.Deadline());

    [Fact]
    public async Task Create_starts_identified_with_a_creation_entry_and_get_returns_it()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var input = TestData.Need("Delivery within 24 hours", importance: 4, urgency: 3, kano: KanoClass.OneDimensional);
        input.MaslowLevel = MaslowLevel.Safety;
        var created = await CreateNeedAsync(id, input, "n-1");

        Assert.Equal(TestData.NeedName(id, "n-1"), created.Name);
        Assert.Equal(NeedStatus.Identified, created.Status);
        Assert.Equal(input.Title, created.Title);
        Assert.Equal(input.Description, created.Description);
        Assert.Equal(NeedType.Explicit, created.Type);
        Assert.Equal(NeedArea.Service, created.Area);
        Assert.Equal(KanoClass.OneDimensional, created.KanoClass);
        Assert.Equal(MaslowLevel.Safety, created.MaslowLevel);
        Assert.Equal(4, created.Importance);
        Assert.Equal(3, created.Urgency);
        Assert.True(created.Priority > 0, $"priority {created.Priority}");
        Assert.NotEmpty(created.Etag);
        Assert.NotNull(created.CreateTime);
        var first = Assert.Single(created.History);
        Assert.Equal(NeedStatus.Unspecified, first.FromStatus);
        Assert.Equal(NeedStatus.Identified, first.ToStatus);
        Assert.Equal("analyst:eva", first.Actor);
        Assert.NotNull(first.ChangeTime);

        var read = await api.Needs.GetNeedAsync(new GetNeedRequest { Name = created.Name }, deadline: Calls.Deadline());
        Assert.Equal(created, read);
    }

    [Fact]
    public async Task Create_without_need_id_generates_one()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var a = await CreateNeedAsync(id, TestData.Need("A", 3, 3));
        var b = await CreateNeedAsync(id, TestData.Need("B", 3, 3));

        Assert.StartsWith(TestData.CustomerName(id) + "/needs/", a.Name, StringComparison.Ordinal);
        Assert.NotEqual(a.Name, b.Name);
        Assert.Matches("^customers/[A-Za-z0-9._-]+/needs/[A-Za-z0-9._-]{1,128}$", a.Name);
    }

    [Fact]
    public async Task List_orders_by_priority_highest_first_and_pages_until_the_token_is_empty()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var inputs = new (int Importance, int Urgency)[] { (1, 1), (5, 5), (3, 2), (2, 4), (4, 4), (5, 1), (1, 5) };
        foreach (var (importance, urgency) in inputs)
        {
            await CreateNeedAsync(id, TestData.Need($"need {importance}/{urgency}", importance, urgency));
        }

        var all = await api.ListAllNeedsAsync(new ListNeedsRequest { Parent = TestData.CustomerName(id), PageSize = 2 });

        Assert.Equal(inputs.Length, all.Count);
        Assert.Equal(inputs.Length, all.Select(n => n.Name).Distinct().Count());
        for (var i = 1; i < all.Count; i++)
        {
            Assert.True(all[i - 1].Priority >= all[i].Priority, $"priority not descending at {i}: {all[i - 1].Priority} then {all[i].Priority}");
        }

        Assert.Equal((5, 5), (all[0].Importance, all[0].Urgency));
        Assert.Equal((1, 1), (all[^1].Importance, all[^1].Urgency));

        var single = await api.Needs.ListNeedsAsync(new ListNeedsRequest { Parent = TestData.CustomerName(id) }, deadline: Calls.Deadline());
        Assert.Equal(all.Select(n => n.Name), single.Needs.Select(n => n.Name));
        Assert.Equal("", single.NextPageToken);
    }

    [Fact]
    public async Task List_filters_by_status_type_area_and_kano_class()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var explicitQuality = await CreateNeedAsync(id, TestData.Need("explicit quality", 3, 3, NeedType.Explicit, NeedArea.Quality, KanoClass.MustBe));
        var latentPrice = await CreateNeedAsync(id, TestData.Need("latent price", 3, 3, NeedType.Latent, NeedArea.Price, KanoClass.Attractive));
        var emotionalService = await CreateNeedAsync(id, TestData.Need("emotional service", 3, 3, NeedType.Emotional, NeedArea.Service));
        await api.Needs.UpdateNeedAsync(StatusChange(latentPrice, NeedStatus.Analysed), deadline: Calls.Deadline());

        async Task<string[]> Names(Action<ListNeedsRequest> filter)
        {
            var request = new ListNeedsRequest { Parent = TestData.CustomerName(id) };
            filter(request);
            return (await api.ListAllNeedsAsync(request)).Select(n => n.Name).Order(StringComparer.Ordinal).ToArray();
        }

        static string[] Sorted(params Need[] needs) => needs.Select(n => n.Name).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(Sorted(latentPrice), await Names(r => r.Statuses.Add(NeedStatus.Analysed)));
        Assert.Equal(Sorted(explicitQuality, emotionalService), await Names(r => r.Statuses.Add(NeedStatus.Identified)));
        Assert.Equal(Sorted(explicitQuality, emotionalService), await Names(r => r.Types_.Add([NeedType.Explicit, NeedType.Emotional])));
        Assert.Equal(Sorted(latentPrice), await Names(r => r.Areas.Add(NeedArea.Price)));
        Assert.Equal(Sorted(emotionalService), await Names(r => r.KanoClasses.Add(KanoClass.Unspecified)));
        Assert.Equal(Sorted(explicitQuality), await Names(r => r.KanoClasses.Add(KanoClass.MustBe)));
        Assert.Empty(await Names(r =>
        {
            r.Types_.Add(NeedType.Latent);
            r.Areas.Add(NeedArea.Quality);
        }));
        Assert.Equal(Sorted(explicitQuality, latentPrice, emotionalService), await Names(_ => { }));
    }

    [Fact]
    public async Task Update_keeps_every_change_in_the_history_with_actor_and_reason()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var need = await CreateNeedAsync(id, TestData.Need("Faster support", 2, 2));

        var analysed = await api.Needs.UpdateNeedAsync(StatusChange(need, NeedStatus.Analysed, "reviewed in the weekly call"), deadline: Calls.Deadline());
        Assert.Equal(NeedStatus.Analysed, analysed.Status);
        Assert.NotEqual(need.Etag, analysed.Etag);
        Assert.Equal(2, analysed.History.Count);
        var step = analysed.History[1];
        Assert.Equal(NeedStatus.Identified, step.FromStatus);
        Assert.Equal(NeedStatus.Analysed, step.ToStatus);
        Assert.Equal("analyst:eva", step.Actor);
        Assert.Equal("reviewed in the weekly call", step.Reason);
        Assert.Contains("status", step.ChangedFields);
        Assert.NotNull(step.ChangeTime);

        var raise = new Need { Name = need.Name, Etag = analysed.Etag, Importance = 5, Urgency = 5, Title = "ignored: not in mask" };
        var mask = new FieldMask();
        mask.Paths.Add(["importance", "urgency"]);
        var raised = await api.Needs.UpdateNeedAsync(
            new UpdateNeedRequest { Need = raise, UpdateMask = mask, Actor = "agent:anna", Reason = "customer escalated" },
            deadline: Calls.Deadline());
        Assert.Equal(5, raised.Importance);
        Assert.Equal(5, raised.Urgency);
        Assert.Equal("Faster support", raised.Title);
        Assert.True(raised.Priority > analysed.Priority, $"priority {raised.Priority} not above {analysed.Priority}");
        Assert.Equal(3, raised.History.Count);
        var third = raised.History[2];
        Assert.Equal(NeedStatus.Analysed, third.FromStatus);
        Assert.Equal(NeedStatus.Analysed, third.ToStatus);
        Assert.Equal(new[] { "importance", "urgency" }, third.ChangedFields.Order(StringComparer.Ordinal));
        Assert.Equal("agent:anna", third.Actor);
        Assert.Equal("customer escalated", third.Reason);

        var moved = raised;
        foreach (var next in new[] { NeedStatus.Planned, NeedStatus.InProgress, NeedStatus.Satisfied })
        {
            moved = await api.Needs.UpdateNeedAsync(StatusChange(moved, next), deadline: Calls.Deadline());
            Assert.Equal(next, moved.Status);
        }

        Assert.Equal(6, moved.History.Count);
        var read = await api.Needs.GetNeedAsync(new GetNeedRequest { Name = need.Name }, deadline: Calls.Deadline());
        Assert.Equal(moved, read);
    }

    [Theory]
    [InlineData(NeedStatus.Rejected)]
    [InlineData(NeedStatus.Withdrawn)]
    public async Task Update_may_reject_or_withdraw_from_an_open_status(NeedStatus final)
    {
        var (id, _) = await api.CreateCustomerAsync();
        var need = await CreateNeedAsync(id, TestData.Need("Cheaper shipping", 2, 2));
        var planned = await api.Needs.UpdateNeedAsync(StatusChange(need, NeedStatus.Analysed), deadline: Calls.Deadline());
        var done = await api.Needs.UpdateNeedAsync(StatusChange(planned, final), deadline: Calls.Deadline());
        Assert.Equal(final, done.Status);
    }

    internal static UpdateNeedRequest StatusChange(Need need, NeedStatus status, string reason = "moved on") =>
        new()
        {
            Need = new Need { Name = need.Name, Status = status },
            UpdateMask = new FieldMask { Paths = { "status" } },
            Actor = "analyst:eva",
            Reason = reason,
        };
}
