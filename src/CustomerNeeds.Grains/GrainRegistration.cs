using CustomerNeeds.Abstractions;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Grains.Watching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Serialization;

namespace CustomerNeeds.Grains;

/// <summary>What a silo needs to host customer grains (storage is registered separately).</summary>
public static class GrainRegistration
{
    public static IServiceCollection AddCustomerGrains(this IServiceCollection services, CustomerPolicy policy, Action<CustomerGrainOptions>? configure = null)
    {
        policy.Validate();
        services.TryAddSingleton(policy);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<CustomerGrainOptions>().Configure(o => configure?.Invoke(o));
        services.AddOptions<CustomerWatchOptions>().Validate(o =>
        {
            o.Validate();
            return true;
        }).ValidateOnStart();
        services.TryAddSingleton<CustomerWatching>();
        services.AddSerializer(s => s.AddCustomerNeedsDomainTypes());
        return services;
    }
}
