using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Search.Customers;
using CustomerNeeds.Server.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerNeeds.Server.Services.Search;

/// <summary>Registers what the search and segment RPCs need.</summary>
public static class SearchRegistration
{
    /// <summary>
    /// The filter checker over the search fields, with the tier names of <paramref name="policy"/>
    /// (lowest first); the read-model storage (PostgreSQL when the server has it); segment filters; the page reader.
    /// </summary>
    public static IServiceCollection AddCustomerSearch(this IServiceCollection services, CustomerPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        services.AddSingleton(new CustomerFilterChecker(CustomerFieldCatalog.Create(policy.Tiers.Tiers.Select(t => t.Name))));
        services.TryAddSingleton<ReadModelStorage>();
        services.AddSingleton<SegmentFilters>();
        services.AddSingleton<CustomerPageReader>();
        return services;
    }
}
