using CustomerNeeds.Api.V1;
using Grpc.Net.Client;
using Bench = CustomerNeeds.Api.Benchmark.V1;

namespace CustomerNeeds.Benchmarks;

/// <summary>
/// Several HTTP/2 connections to the server: one <see cref="GrpcChannel"/> per connection, each
/// with its own handler (more connections open only when one is full of streams). Caller
/// <c>i</c> uses connection <c>i % count</c>.
/// </summary>
public sealed class ServerConnection : IDisposable
{
    private readonly GrpcChannel[] channels;

    public ServerConnection(Uri address, int connections)
    {
        channels = new GrpcChannel[connections];
        for (var i = 0; i < connections; i++)
        {
            channels[i] = BenchmarkChannel.Create(address, new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true,
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
                ConnectTimeout = TimeSpan.FromSeconds(10),
                KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            });
        }

        Customers = channels.Select(c => new CustomerService.CustomerServiceClient(c)).ToArray();
        Needs = channels.Select(c => new NeedService.NeedServiceClient(c)).ToArray();
        Interactions = channels.Select(c => new InteractionService.InteractionServiceClient(c)).ToArray();
        Benchmark = channels.Select(c => new Bench.BenchmarkService.BenchmarkServiceClient(c)).ToArray();
    }

    /// <summary>How many connections there are.</summary>
    public int Count => channels.Length;

    public CustomerService.CustomerServiceClient[] Customers { get; }

    public NeedService.NeedServiceClient[] Needs { get; }

    public InteractionService.InteractionServiceClient[] Interactions { get; }

    public Bench.BenchmarkService.BenchmarkServiceClient[] Benchmark { get; }

    public void Dispose()
    {
        foreach (var channel in channels)
        {
            channel.Dispose();
        }
    }
}
