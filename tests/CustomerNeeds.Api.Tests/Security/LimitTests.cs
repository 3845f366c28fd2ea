using System.Globalization;
using CustomerNeeds.Api.Tests.Durability;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Security;

/// <summary>Per-caller rate limits and stream slots answer RESOURCE_EXHAUSTED as a real gRPC status; an expired deadline starts no write.</summary>
public sealed class LimitTests
{
    [Fact]
    public async Task A_caller_over_its_rate_gets_resource_exhausted_with_retry_info_in_a_grpc_answer_while_other_callers_go_on()
    {
        await using var own = await OwnServer.StartAsync(new Dictionary<string, string>
        {
            ["CustomerNeeds__Security__RateLimits__analyst__PermitsPerSecond"] = "1",
            ["CustomerNeeds__Security__RateLimits__analyst__Burst"] = "5",
        });
        var token = TestTokens.Create(["analyst"], subject: "busy-analyst");
        using var channel = own.Server.NewChannel(token);
        var analyst = new ApiClients(channel);
        for (var i = 0; i < 5; i++)
        {
            await analyst.Segments.ListSegmentsAsync(new ListSegmentsRequest());
        }

        var ex = await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, () => analyst.Segments.ListSegmentsAsync(new ListSegmentsRequest()).ResponseAsync);
        Assert.Contains("Rate limit", ex.Status.Detail, StringComparison.Ordinal);
        var status = ex.GetRpcStatus()!;
        var retry = status.GetDetail<RetryInfo>();
        Assert.NotNull(retry);
        Assert.True(retry.RetryDelay.ToTimeSpan() > TimeSpan.Zero);
        Assert.NotNull(status.GetDetail<QuotaFailure>());

        // On the wire: HTTP 200 with grpc-status 8, not a bare HTTP 503.
        var raw = await RawGrpc.CallAsync(own.Server.Address, "/customerneeds.v1.SegmentService/ListSegments", RawGrpc.Frame(0, []), bearer: token);
        Assert.Equal(StatusCode.ResourceExhausted, raw.Status);

        // Another caller has its own bucket.
        using var other = own.Server.NewChannel(TestTokens.Create(["analyst"], subject: "other-analyst"));
        await new ApiClients(other).Segments.ListSegmentsAsync(new ListSegmentsRequest());

        // The bucket refills.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await analyst.Segments.ListSegmentsAsync(new ListSegmentsRequest());
    }

    [Fact]
    public async Task A_caller_holding_its_maximum_of_streams_cannot_open_another_until_one_closes()
    {
        await using var own = await OwnServer.StartAsync(new Dictionary<string, string> { ["CustomerNeeds__Security__MaxConcurrentStreams"] = "2" });
        var api = own.Clients;
        var (id, _) = await api.CreateCustomerAsync();
        var request = new WatchCustomerRequest { Name = TestData.CustomerName(id) };
        using var first = api.Customers.WatchCustomer(request);
        using var second = api.Customers.WatchCustomer(request);
        Assert.True(await first.ResponseStream.MoveNext(CancellationToken.None));
        Assert.True(await second.ResponseStream.MoveNext(CancellationToken.None));

        using var third = api.Customers.WatchCustomer(request);
        var ex = await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, async () => await third.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Contains("open streams", ex.Status.Detail, StringComparison.Ordinal);

        first.Dispose();
        var reopened = await WaitUntilOpensAsync(api, request);
        Assert.True(reopened, "a stream slot was not given back after the stream closed");
    }

    [Fact]
    public async Task A_write_whose_deadline_has_passed_when_it_arrives_is_deadline_exceeded_and_writes_nothing()
    {
        await using var own = await OwnServer.StartAsync();
        var api = own.Clients;
        var (id, created) = await api.CreateCustomerAsync();
        var eventsBefore = await Calls.CountEventsAsync(own.Database.DataSource, id);
        var request = new RecordInteractionRequest { Parent = TestData.CustomerName(id), Interaction = TestData.Inquiry("late-1", TestData.AtMs(1000)) };
        var raw = await RawGrpc.CallAsync(own.Server.Address, "/customerneeds.v1.InteractionService/RecordInteraction", RawGrpc.Frame(0, request.ToByteArray()), timeout: "1u");
        Assert.Equal(StatusCode.DeadlineExceeded, raw.Status);

        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.GetInteractionAsync(id, "late-1"));
        Assert.Equal(created.Etag, (await api.GetCustomerAsync(id)).Etag);
        Assert.Equal(eventsBefore, await Calls.CountEventsAsync(own.Database.DataSource, id));
    }

    private static async Task<bool> WaitUntilOpensAsync(ApiClients api, WatchCustomerRequest request)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var call = api.Customers.WatchCustomer(request);
            try
            {
                if (await call.ResponseStream.MoveNext(CancellationToken.None))
                {
                    return true;
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted)
            {
                await Task.Delay(100);
            }
        }

        return false;
    }
}
