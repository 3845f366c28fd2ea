using CustomerNeeds.Api.V1;
using Google.Protobuf.WellKnownTypes;
using Npgsql;

namespace CustomerNeeds.Api.Tests.Infrastructure;

/// <summary>Common calls: create a customer, record interactions, page through lists.</summary>
public static class Calls
{
    /// <summary>A deadline for one call, so that a hung server fails a test instead of hanging it.</summary>
    public static DateTime Deadline(int seconds = 60) => DateTime.UtcNow.AddSeconds(seconds);

    /// <summary>Creates a customer with a fresh id (or <paramref name="customerId"/>) and returns its id and the response.</summary>
    public static async Task<(string Id, Customer Customer)> CreateCustomerAsync(this ApiClients clients, Customer? profile = null, string? customerId = null)
    {
        var id = customerId ?? TestData.NewCustomerId();
        var created = await clients.Customers.CreateCustomerAsync(
            new CreateCustomerRequest { CustomerId = id, Customer = profile ?? TestData.MinimalProfile() },
            deadline: Deadline());
        return (id, created);
    }

    public static Task<Customer> GetCustomerAsync(this ApiClients clients, string customerId) =>
        clients.Customers.GetCustomerAsync(new GetCustomerRequest { Name = TestData.CustomerName(customerId) }, deadline: Deadline()).ResponseAsync;

    public static Task<RecordInteractionResponse> RecordAsync(this ApiClients clients, string customerId, Interaction interaction) =>
        clients.Interactions.RecordInteractionAsync(
            new RecordInteractionRequest { Parent = TestData.CustomerName(customerId), Interaction = interaction },
            deadline: Deadline()).ResponseAsync;

    public static Task<Interaction> GetInteractionAsync(this ApiClients clients, string customerId, string interactionId) =>
        clients.Interactions.GetInteractionAsync(
            new GetInteractionRequest { Name = TestData.InteractionName(customerId, interactionId) }, deadline: Deadline()).ResponseAsync;

    /// <summary>Pages through ListInteractions until next_page_token is empty; returns every item and the page count.</summary>
    public static async Task<(List<Interaction> Items, int Pages)> ListAllInteractionsAsync(this ApiClients clients, ListInteractionsRequest request)
    {
        var items = new List<Interaction>();
        var pages = 0;
        var next = request.Clone();
        while (true)
        {
            var page = await clients.Interactions.ListInteractionsAsync(next, deadline: Deadline());
            pages++;
            items.AddRange(page.Interactions);
            Assert.True(pages <= 100_000, "ListInteractions never ends.");
            if (page.NextPageToken.Length == 0)
            {
                return (items, pages);
            }

            next = next.Clone();
            next.PageToken = page.NextPageToken;
        }
    }

    /// <summary>Every interaction of a customer, newest first, in pages of <paramref name="pageSize"/>.</summary>
    public static async Task<List<Interaction>> ListAllInteractionsAsync(this ApiClients clients, string customerId, int pageSize = 1000) =>
        (await clients.ListAllInteractionsAsync(new ListInteractionsRequest { Parent = TestData.CustomerName(customerId), PageSize = pageSize })).Items;

    /// <summary>Pages through ListNeeds until next_page_token is empty.</summary>
    public static async Task<List<Need>> ListAllNeedsAsync(this ApiClients clients, ListNeedsRequest request)
    {
        var items = new List<Need>();
        var next = request.Clone();
        for (var pages = 1; ; pages++)
        {
            var page = await clients.Needs.ListNeedsAsync(next, deadline: Deadline());
            items.AddRange(page.Needs);
            Assert.True(pages <= 10_000, "ListNeeds never ends.");
            if (page.NextPageToken.Length == 0)
            {
                return items;
            }

            next = next.Clone();
            next.PageToken = page.NextPageToken;
        }
    }

    /// <summary>Pages through ListComplaints until next_page_token is empty.</summary>
    public static async Task<List<Complaint>> ListAllComplaintsAsync(this ApiClients clients, ListComplaintsRequest request)
    {
        var items = new List<Complaint>();
        var next = request.Clone();
        for (var pages = 1; ; pages++)
        {
            var page = await clients.Complaints.ListComplaintsAsync(next, deadline: Deadline());
            items.AddRange(page.Complaints);
            Assert.True(pages <= 10_000, "ListComplaints never ends.");
            if (page.NextPageToken.Length == 0)
            {
                return items;
            }

            next = next.Clone();
            next.PageToken = page.NextPageToken;
        }
    }

    /// <summary>Runs <paramref name="body"/> for 0..count-1 with at most <paramref name="inFlight"/> calls at once.</summary>
    public static Task ForAllAsync(int count, int inFlight, Func<int, Task> body) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = inFlight }, async (i, _) => await body(i));

    /// <summary>Asserts a list is ordered newest occur_time first.</summary>
    public static void AssertNewestFirst(IReadOnlyList<Interaction> items)
    {
        for (var i = 1; i < items.Count; i++)
        {
            Assert.True(items[i - 1].OccurTime >= items[i].OccurTime,
                $"Not newest first at {i}: {items[i - 1].OccurTime} then {items[i].OccurTime}");
        }
    }

    /// <summary>Rows in the event log of a customer (SQL on the server's database).</summary>
    public static async Task<long> CountEventsAsync(NpgsqlDataSource dataSource, string customerId)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM customer_events WHERE customer_id = $1");
        command.Parameters.AddWithValue(customerId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Interactions in the event log of a customer (rows with an interaction_id).</summary>
    public static async Task<long> CountInteractionRowsAsync(NpgsqlDataSource dataSource, string customerId)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM customer_events WHERE customer_id = $1 AND interaction_id IS NOT NULL");
        command.Parameters.AddWithValue(customerId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Total seconds of a timestamp, for readable comparisons.</summary>
    public static double Seconds(Timestamp t) => t.Seconds + (t.Nanos / 1e9);
}
