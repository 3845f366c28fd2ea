using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;

namespace CustomerNeeds.Api.Tests.Search;

/// <summary>Paging through ListCustomers and ListSegmentMembers; the tag that keeps one test's customers apart.</summary>
public static class SearchCalls
{
    /// <summary>A tag of its own for one test, so that its filters see only its customers.</summary>
    public static string NewTag() => "t-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Pages through ListCustomers until next_page_token is empty; returns the customers and the pages.</summary>
    public static async Task<(List<Customer> Customers, List<ListCustomersResponse> Pages)> ListAllCustomersAsync(
        this ApiClients clients, ListCustomersRequest request, Func<int, Task>? betweenPages = null)
    {
        var customers = new List<Customer>();
        var pages = new List<ListCustomersResponse>();
        var next = request.Clone();
        while (true)
        {
            var page = await clients.Customers.ListCustomersAsync(next, deadline: Calls.Deadline());
            pages.Add(page);
            customers.AddRange(page.Customers);
            Assert.True(pages.Count <= 10_000, "ListCustomers never ends.");
            if (page.NextPageToken.Length == 0)
            {
                return (customers, pages);
            }

            if (betweenPages is not null)
            {
                await betweenPages(pages.Count);
            }

            next = next.Clone();
            next.PageToken = page.NextPageToken;
        }
    }

    /// <summary>
    /// Pages through ListCustomers while <paramref name="write"/> runs again and again (with 0, 1,
    /// 2, ...) beside it, and asserts that every customer of <paramref name="steady"/> (names whose
    /// sort key never changes) is returned exactly once and no customer twice.
    /// </summary>
    public static async Task AssertEachSteadyCustomerOnceWhileWritingAsync(
        this ApiClients clients, ListCustomersRequest request, IReadOnlyCollection<string> steady, Func<int, Task> write)
    {
        using var stop = new CancellationTokenSource();
        var writes = 0;
        var writer = Task.Run(async () =>
        {
            for (; !stop.IsCancellationRequested; writes++)
            {
                await write(writes);
            }
        });
        List<Customer> seen;
        try
        {
            (seen, _) = await clients.ListAllCustomersAsync(request, async _ => await Task.Delay(10));
        }
        finally
        {
            await stop.CancelAsync();
            await writer;
        }

        var counts = seen.GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(steady, name => Assert.Equal(1, counts.GetValueOrDefault(name)));
        Assert.All(counts, kv => Assert.Equal(1, kv.Value));
        Assert.True(writes > 0, "nothing was written while paging");
    }

    /// <summary>The names of every customer ListCustomers returns for <paramref name="filter"/> and <paramref name="orderBy"/>.</summary>
    public static async Task<List<string>> NamesAsync(this ApiClients clients, string filter, string orderBy = "", int pageSize = 0) =>
        (await clients.ListAllCustomersAsync(new ListCustomersRequest { Filter = filter, OrderBy = orderBy, PageSize = pageSize }))
        .Customers.Select(c => c.Name).ToList();

    /// <summary>Pages through ListSegmentMembers until next_page_token is empty.</summary>
    public static async Task<List<Customer>> ListAllMembersAsync(this ApiClients clients, ListSegmentMembersRequest request)
    {
        var customers = new List<Customer>();
        var next = request.Clone();
        for (var pages = 1; ; pages++)
        {
            var page = await clients.Segments.ListSegmentMembersAsync(next, deadline: Calls.Deadline());
            customers.AddRange(page.Customers);
            Assert.True(pages <= 10_000, "ListSegmentMembers never ends.");
            if (page.NextPageToken.Length == 0)
            {
                return customers;
            }

            next = next.Clone();
            next.PageToken = page.NextPageToken;
        }
    }
}
