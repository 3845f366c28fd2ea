using CustomerNeeds.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace CustomerNeeds.Grains.Tests;

/// <summary>The test cluster's client speaks the same domain-type encoding as the silos.</summary>
public sealed class DomainTypesClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.Services.AddSerializer(s => s.AddCustomerNeedsDomainTypes());
}
