using CustomerNeeds.Api.Tests.Durability;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Google.Protobuf.WellKnownTypes;

namespace CustomerNeeds.Api.Tests.ComplaintSla;

/// <summary>Helpers for the SLA tests: an own server whose reminders tick every second and whose follow-up delay is 2 s.</summary>
internal static class SlaServer
{
    public static readonly Dictionary<string, string> Settings = new()
    {
        ["CustomerNeeds__Reminders__MinimumReminderPeriod"] = "00:00:01",
        ["CustomerNeeds__Reminders__RefreshReminderListPeriod"] = "00:00:02",
        ["CustomerNeeds__ComplaintSla__Defaults__FollowUpDelay"] = "00:00:02",
    };

    public static Task<OwnServer> StartAsync() => OwnServer.StartAsync(Settings);

    /// <summary>Opens a complaint of a new customer whose first-response deadline is <paramref name="dueIn"/> from now (default targets).</summary>
    public static async Task<string> ComplaintDueInAsync(ApiClients api, ComplaintSeverity severity, TimeSpan dueIn)
    {
        var response = severity switch
        {
            ComplaintSeverity.Critical => TimeSpan.FromHours(1),
            ComplaintSeverity.High => TimeSpan.FromHours(4),
            _ => throw new ArgumentOutOfRangeException(nameof(severity)),
        };
        var (id, _) = await api.CreateCustomerAsync();
        var opened = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow - response + dueIn);
        await api.RecordAsync(id, TestData.Complaint("i-1", opened, severity));
        return id;
    }

    public static string K1(string customerId) => $"customers/{customerId}/complaints/k1";

    /// <summary>All breaches, page by page.</summary>
    public static async Task<List<SlaBreach>> AllBreachesAsync(ApiClients api, ListBreachesRequest request)
    {
        var all = new List<SlaBreach>();
        var page = request.Clone();
        do
        {
            var response = await api.Complaints.ListBreachesAsync(page);
            all.AddRange(response.Breaches);
            page.PageToken = response.NextPageToken;
        }
        while (page.PageToken.Length > 0);
        return all;
    }

    /// <summary>Waits until <paramref name="condition"/> holds (polling); fails after 60 s.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }

            await Task.Delay(250);
        }
    }
}
