using CustomerNeeds.Api.Tests.Infrastructure;

namespace CustomerNeeds.Api.Tests.Scale;

/// <summary>A long history is paged back completely and in order.</summary>
[Collection(ApiCollection.Name)]
public sealed class HistoryTests(ServerFixture fixture)
{
    private readonly ApiClients api = fixture.Clients;

    [Fact]
    public async Task Ten_thousand_interactions_page_back_completely_newest_first_without_duplicates()
    {
        const int count = 10_000;
        var (id, _) = await api.CreateCustomerAsync();
        await Calls.ForAllAsync(count, 64, i => api.RecordAsync(id, TestData.Inquiry($"i-{i:D5}", TestData.AtMs(i * 100L))));

        var (items, pages) = await api.ListAllInteractionsAsync(new V1.ListInteractionsRequest { Parent = TestData.CustomerName(id), PageSize = 1000 });

        Assert.InRange(pages, 10, 11);
        Assert.Equal(count, items.Count);
        Assert.Equal(count, items.Select(i => i.InteractionId).Distinct().Count());
        // Distinct increasing occur times: the listing is exactly i-09999 .. i-00000.
        Assert.Equal(Enumerable.Range(0, count).Reverse().Select(i => $"i-{i:D5}"), items.Select(i => i.InteractionId));
        Calls.AssertNewestFirst(items);

        var customer = await api.GetCustomerAsync(id);
        Assert.Equal(count, customer.Lifetime.InteractionCount);
        Assert.Equal(items.Take(20), customer.RecentInteractions);
    }
}
