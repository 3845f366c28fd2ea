using Grpc.Net.Client.Balancer;
using Microsoft.Extensions.Logging;

namespace CustomerNeeds.Client;

/// <summary>
/// The few services grpc-dotnet looks up from <c>GrpcChannelOptions.ServiceProvider</c>: the static resolver of a
/// fixed address list, and the logger factory. Saves the client a dependency-injection container.
/// </summary>
internal sealed class ResolverServices(IReadOnlyList<BalancerAddress> addresses, ILoggerFactory? loggerFactory) : IServiceProvider
{
    private readonly ResolverFactory[] resolvers = [new StaticResolverFactory(_ => addresses)];

    public object? GetService(Type serviceType)
    {
        if (serviceType == typeof(IEnumerable<ResolverFactory>))
        {
            return resolvers;
        }

        if (serviceType == typeof(ILoggerFactory))
        {
            return loggerFactory;
        }

        return null;
    }
}
