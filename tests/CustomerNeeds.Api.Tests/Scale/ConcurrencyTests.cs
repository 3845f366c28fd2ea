using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;

namespace CustomerNeeds.Api.Tests.Scale;

/// <summary>Concurrent writers: every counter exact, on one customer and on many.</summary>
[Collection(ApiCollection.Name)]
public sealed class ConcurrencyTests(ServerFixture fixture)
{
    private readonly ApiClients api = fixture.Clients;

    [Fact]
    public async Task Sixty_four_concurrent_writers_on_one_customer_keep_every_counter_exact()
    {
        const int writers = 64;
        const int each = 10;
        var (id, _) = await api.CreateCustomerAsync();

        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var j = 0; j < each; j++)
            {
                var n = (w * each) + j;
                var response = await api.RecordAsync(id, TestData.Purchase($"p-{w:D2}-{j:D2}", TestData.AtMs(n * 10L), TestData.Eur(1)));
                Assert.False(response.Replayed);
            }
        }));
        await Task.WhenAll(tasks);

        const int total = writers * each;
        var customer = await api.GetCustomerAsync(id);
        Assert.Equal(total, customer.Lifetime.InteractionCount);
        Assert.Equal(total, customer.Lifetime.PurchaseCount);
        Assert.Equal(TestData.Eur(total), customer.Lifetime.LifetimeSpend);
        Assert.Equal(total, (await api.ListAllInteractionsAsync(id)).Select(i => i.InteractionId).Distinct().Count());
        Assert.Equal(total, await Calls.CountInteractionRowsAsync(fixture.Database.DataSource, id));
    }

    [Fact]
    public async Task A_thousand_customers_with_concurrent_writers_keep_every_counter_exact()
    {
        const int customers = 1000;
        const int each = 4;
        var ids = Enumerable.Range(0, customers).Select(_ => TestData.NewCustomerId()).ToArray();
        await Calls.ForAllAsync(customers, 64, i => api.CreateCustomerAsync(customerId: ids[i]));

        // Every customer gets a purchase of i+1 EUR, a CSAT, a complaint and an inquiry; calls of
        // all customers interleave (64 in flight).
        await Calls.ForAllAsync(customers * each, 64, async k =>
        {
            var i = k % customers;
            var j = k / customers;
            var at = TestData.AtMs(j * 1000L);
            var interaction = j switch
            {
                0 => TestData.Purchase("p", at, TestData.Eur(i + 1)),
                1 => TestData.Survey("s", at, csat: 1 + (i % 5), nps: null),
                2 => TestData.Complaint("c", at),
                _ => TestData.Inquiry("q", at),
            };
            await api.RecordAsync(ids[i], interaction);
        });

        await Calls.ForAllAsync(customers, 64, async i =>
        {
            var customer = await api.GetCustomerAsync(ids[i]);
            Assert.Equal(each, customer.Lifetime.InteractionCount);
            Assert.Equal(1, customer.Lifetime.PurchaseCount);
            Assert.Equal(TestData.Eur(i + 1), customer.Lifetime.LifetimeSpend);
            Assert.Equal(1, customer.Lifetime.ComplaintCount);
            Assert.Equal(1, customer.OpenComplaintCount);
            Assert.Equal(1, customer.Satisfaction.CsatCount);
            Assert.Equal(1 + (i % 5), customer.Satisfaction.CsatMean, 6);
            Assert.Equal(each, customer.RecentInteractions.Count);
        });
    }
}
