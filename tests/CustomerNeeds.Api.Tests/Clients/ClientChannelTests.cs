using System.Diagnostics;
using System.Globalization;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using CustomerNeeds.Client;
using CustomerNeeds.Testing;
using Google.Rpc;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Clients;

/// <summary>
/// The channel of src/CustomerNeeds.Client against a real server: it skips a dead server of its list, does not
/// retry what the policy does not retry, and waits the server's pushback before retrying RESOURCE_EXHAUSTED.
/// </summary>
public sealed class ClientChannelTests(ClientChannelFixture fixture) : IClassFixture<ClientChannelFixture>
{
    private ServerProcess Server => fixture.Own.Server;

    [Fact]
    public async Task With_two_addresses_of_which_one_is_dead_every_call_succeeds_without_a_retry()
    {
        var dead = new Uri($"http://127.0.0.1:{LoopbackPort.Unused().ToString(CultureInfo.InvariantCulture)}");
        using var channel = CustomerNeedsChannel.Create(new CustomerNeedsClientOptions
        {
            Addresses = [dead, Server.Address],
            BearerToken = TestTokens.Default,

            // Neither retries nor waiting may hide a pick of the dead server: round_robin must skip it.
            EnableRetries = false,
            WaitForReady = false,
        });
        var customers = new CustomerService.CustomerServiceClient(channel.CallInvoker);
        var (id, _) = await fixture.Own.Clients.CreateCustomerAsync();
        for (var i = 0; i < 40; i++)
        {
            var customer = await customers.GetCustomerAsync(new GetCustomerRequest { Name = TestData.CustomerName(id) });
            Assert.Equal(TestData.CustomerName(id), customer.Name);
        }
    }

    [Fact]
    public async Task With_two_live_servers_calls_are_spread_over_both()
    {
        // Two servers in memory, each with its own customers: a customer created on one is NOT_FOUND on the other.
        var servers = await Task.WhenAll(ServerProcess.StartAsync(null), ServerProcess.StartAsync(null));
        await using var first = servers[0];
        await using var second = servers[1];
        var (id, _) = await first.Clients.CreateCustomerAsync();
        using var channel = CustomerNeedsChannel.Create(new CustomerNeedsClientOptions { Addresses = [first.Address, second.Address], BearerToken = TestTokens.Default });
        var customers = new CustomerService.CustomerServiceClient(channel.CallInvoker);
        await channel.Channel.ConnectAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

        var found = 0;
        var notFound = 0;
        // The second connection may become ready a moment after the first: the calls go on until both answered.
        for (var i = 0; i < 500 && (found == 0 || notFound == 0); i++)
        {
            try
            {
                await customers.GetCustomerAsync(new GetCustomerRequest { Name = TestData.CustomerName(id) });
                found++;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                notFound++;
            }
        }

        Assert.True(found > 0 && notFound > 0, $"found {found}, not found {notFound}: the calls did not reach both servers");
    }

    [Fact]
    public async Task An_invalid_argument_is_answered_after_one_attempt()
    {
        var subject = "client-invalid-" + Guid.NewGuid().ToString("N")[..8];
        using var channel = CustomerNeedsChannel.Create(new CustomerNeedsClientOptions
        {
            Addresses = [Server.Address],
            BearerToken = TestTokens.Create(["agent"], subject: subject),
        });
        var interactions = new InteractionService.InteractionServiceClient(channel.CallInvoker);
        var (id, _) = await fixture.Own.Clients.CreateCustomerAsync();
        var bad = TestData.Inquiry("not an id!", TestData.AtMs(1000));
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => interactions.RecordInteractionAsync(new RecordInteractionRequest { Parent = TestData.CustomerName(id), Interaction = bad }).ResponseAsync);

        // The server's own record: one RecordInteraction of this caller, INVALID_ARGUMENT.
        var events = await AuditEventsAsync(subject, "/customerneeds.v1.InteractionService/RecordInteraction", atLeast: 1);
        var only = Assert.Single(events);
        Assert.Equal("INVALID_ARGUMENT", only.Outcome);
    }

    [Fact]
    public async Task A_rate_limit_refusal_carries_its_retry_delay_also_as_grpc_retry_pushback_ms()
    {
        using var plain = Server.NewChannel(TestTokens.Create(["analyst"], subject: "pushback-" + Guid.NewGuid().ToString("N")[..8]));
        var segments = new SegmentService.SegmentServiceClient(plain);
        await segments.ListSegmentsAsync(new ListSegmentsRequest());
        var ex = await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, () => segments.ListSegmentsAsync(new ListSegmentsRequest()).ResponseAsync);

        var retryInfo = ex.GetRpcStatus()!.GetDetail<RetryInfo>();
        var pushback = ex.Trailers.GetValue("grpc-retry-pushback-ms");
        Assert.NotNull(pushback);
        var pushbackMs = int.Parse(pushback, NumberStyles.None, CultureInfo.InvariantCulture);
        Assert.True(pushbackMs > 0);
        Assert.Equal(TimeSpan.FromMilliseconds(pushbackMs), retryInfo.RetryDelay.ToTimeSpan());
    }

    [Fact]
    public async Task A_call_refused_by_the_rate_limit_is_retried_after_the_pushback_and_succeeds()
    {
        var token = TestTokens.Create(["analyst"], subject: "retried-" + Guid.NewGuid().ToString("N")[..8]);
        using var channel = CustomerNeedsChannel.Create(new CustomerNeedsClientOptions { Addresses = [Server.Address], BearerToken = token });
        var segments = new SegmentService.SegmentServiceClient(channel.CallInvoker);

        // The burst (1) is spent by the first call; the second is refused, waits the pushback, and gets the next permit.
        await segments.ListSegmentsAsync(new ListSegmentsRequest());
        var watch = Stopwatch.StartNew();
        using var call = segments.ListSegmentsAsync(new ListSegmentsRequest());
        await call.ResponseAsync;
        watch.Stop();

        var headers = await call.ResponseHeadersAsync;
        var previous = headers.GetValue("grpc-previous-rpc-attempts");
        Assert.NotNull(previous);
        var retries = int.Parse(previous, NumberStyles.None, CultureInfo.InvariantCulture);
        Assert.InRange(retries, 1, 4);

        // At 1 call/s the limiter's delay is one second. Every retry waited for it: without the pushback the
        // first retry would come within the policy's first backoff (under 0.5 s) and be refused again.
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(950 * retries), $"{retries} retries in {watch.ElapsedMilliseconds} ms: a retry did not wait the pushback");
    }

    private async Task<IReadOnlyList<AuditEvent>> AuditEventsAsync(string subject, string method, int atLeast)
    {
        var audit = new AuditService.AuditServiceClient(Server.Channel);
        var request = new ListAuditEventsRequest { Caller = $"jwt:{TestTokens.Issuer}#{subject}", Method = method };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await audit.ListAuditEventsAsync(request);
            if (response.AuditEvents.Count >= atLeast || DateTime.UtcNow > deadline)
            {
                // Attempts the channel might still send (its backoff is at most a few seconds) would arrive now.
                await Task.Delay(TimeSpan.FromSeconds(1));
                return (await audit.ListAuditEventsAsync(request)).AuditEvents;
            }

            await Task.Delay(50);
        }
    }
}
