using System.Globalization;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;

namespace CustomerNeeds.Cluster.Tests.Loopback;

/// <summary>Customers created for a fault test before its load starts.</summary>
public static class CustomerSet
{
    /// <summary>Creates <paramref name="count"/> customers "prefix-000", "prefix-001", ... through <paramref name="customers"/>.</summary>
    public static async Task<string[]> CreateAsync(CustomerService.CustomerServiceClient customers, string prefix, int count)
    {
        var ids = Enumerable.Range(0, count).Select(i => prefix + "-" + i.ToString("000", CultureInfo.InvariantCulture)).ToArray();
        await Calls.ForAllAsync(ids.Length, 32, async i => await customers.CreateCustomerAsync(
            new CreateCustomerRequest { CustomerId = ids[i], Customer = TestData.MinimalProfile() }));
        return ids;
    }
}
