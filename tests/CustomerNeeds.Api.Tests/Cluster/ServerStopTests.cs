using CustomerNeeds.Api.Tests.Durability;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using CustomerNeeds.Testing;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace CustomerNeeds.Api.Tests.Cluster;

/// <summary>The parts of a server's stop and of its listeners that a cluster relies on (docs/clustering.md).</summary>
[Collection(DurabilityCollection.Name)]
public sealed class ServerStopTests
{
    [Fact]
    public async Task An_open_watch_ends_unavailable_when_its_server_stops()
    {
        await using var server = await ServerProcess.StartAsync(null, new Dictionary<string, string> { ["CustomerNeeds__Shutdown__DrainDelay"] = "00:00:01" });
        var (id, _) = await server.Clients.CreateCustomerAsync();
        using var watch = server.Clients.Customers.WatchCustomer(new WatchCustomerRequest { Name = TestData.CustomerName(id) });
        Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None)); // the current state

        await AssertEndsUnavailableWhenStoppedAsync(server, watch.ResponseStream);
    }

    [Fact]
    public async Task An_open_interaction_stream_is_answered_and_ends_unavailable_when_its_server_stops()
    {
        await using var server = await ServerProcess.StartAsync(null, new Dictionary<string, string> { ["CustomerNeeds__Shutdown__DrainDelay"] = "00:00:01" });
        var (id, _) = await server.Clients.CreateCustomerAsync();
        using var stream = server.Clients.Interactions.StreamInteractions();
        for (var i = 0; i < 50; i++)
        {
            await stream.RequestStream.WriteAsync(new StreamInteractionsRequest
            {
                Parent = TestData.CustomerName(id),
                Interaction = TestData.Inquiry($"s-{i:D2}", TestData.AtMs(i * 1000L)),
            });
        }

        for (var i = 0; i < 50; i++)
        {
            Assert.True(await stream.ResponseStream.MoveNext(CancellationToken.None));
            Assert.Equal(StreamInteractionsResponse.Types.Result.Created, stream.ResponseStream.Current.Result);
        }

        // The client keeps its stream open.
        await AssertEndsUnavailableWhenStoppedAsync(server, stream.ResponseStream);
    }

    [Fact]
    public async Task The_health_port_answers_health_without_a_credential_and_nothing_else()
    {
        var healthPort = LoopbackPort.Unused();
        await using var server = await ServerProcess.StartAsync(null, new Dictionary<string, string>
        {
            ["CustomerNeeds__HealthPort"] = healthPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{healthPort}");
        var health = new Health.HealthClient(channel);

        foreach (var service in new[] { "", "readiness", "liveness" })
        {
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest { Service = service })).Status);
        }

        var unknown = await Assert.ThrowsAsync<RpcException>(() => health.CheckAsync(new HealthCheckRequest { Service = "customerneeds.v1.CustomerService" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);

        var refused = await Assert.ThrowsAsync<RpcException>(() => new CustomerService.CustomerServiceClient(channel)
            .GetCustomerAsync(new GetCustomerRequest { Name = "customers/c-1" }).ResponseAsync);
        Assert.Equal(StatusCode.Unimplemented, refused.StatusCode);
        Assert.Contains("answers grpc.health.v1.Health only", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowCleartext_lets_a_server_behind_a_proxy_listen_on_every_address()
    {
        await using var server = await ServerProcess.StartAsync(null, new Dictionary<string, string>
        {
            ["CustomerNeeds__ListenAddress"] = "0.0.0.0",
            ["CustomerNeeds__Tls__AllowCleartext"] = "true",
        });

        var (id, _) = await server.Clients.CreateCustomerAsync();
        Assert.Equal(TestData.CustomerName(id), (await server.Clients.GetCustomerAsync(id)).Name);
        Assert.Contains("Serving cleartext HTTP/2 on 0.0.0.0", server.Output, StringComparison.Ordinal);
    }

    /// <summary>SIGTERM; the open stream ends UNAVAILABLE saying the server stops, and the server exits 0.</summary>
    private static async Task AssertEndsUnavailableWhenStoppedAsync<T>(ServerProcess server, IAsyncStreamReader<T> responses)
    {
        server.BeginStop();
        var ended = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await responses.MoveNext(CancellationToken.None))
            {
            }
        });

        Assert.Equal(StatusCode.Unavailable, ended.StatusCode);
        Assert.Contains("The server is stopping", ended.Status.Detail, StringComparison.Ordinal);
        await server.StopAsync();
        Assert.Equal(0, server.LastExitCode);
    }
}
