using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;

namespace CustomerNeeds.Api.Tests.Merge;

/// <summary>Calls of the merge tests.</summary>
internal static class MergeCalls
{
    public static Task<Customer> MergeAsync(this ApiClients api, string sourceId, string targetId) =>
        api.Customers.MergeCustomersAsync(
            new MergeCustomersRequest { Source = TestData.CustomerName(sourceId), Target = TestData.CustomerName(targetId), Actor = "agent:mia" },
            deadline: Calls.Deadline()).ResponseAsync;

    public static async Task<List<Complaint>> ListAllComplaintsAsync(this ApiClients api, string customerId, int pageSize = 100)
    {
        var items = new List<Complaint>();
        var request = new ListComplaintsRequest { Parent = TestData.CustomerName(customerId), PageSize = pageSize };
        for (var pages = 1; ; pages++)
        {
            var page = await api.Complaints.ListComplaintsAsync(request, deadline: Calls.Deadline());
            items.AddRange(page.Complaints);
            Assert.True(pages <= 1000, "ListComplaints never ends.");
            if (page.NextPageToken.Length == 0)
            {
                return items;
            }

            request = request.Clone();
            request.PageToken = page.NextPageToken;
        }
    }
}
