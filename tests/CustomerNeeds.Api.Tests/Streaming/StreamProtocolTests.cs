using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Health.V1;
using Xunit.Abstractions;
using Result = CustomerNeeds.Api.V1.StreamInteractionsResponse.Types.Result;

namespace CustomerNeeds.Api.Tests.Streaming;

/// <summary>How a StreamInteractions call ends: bytes that do not parse, a broken frame, a cancelling client, a client that does not read.</summary>
[Collection(ApiCollection.Name)]
public sealed class StreamProtocolTests(ServerFixture fixture, ITestOutputHelper output)
{
    private const string Service = "customerneeds.v1.InteractionService";
    private const string MethodName = "StreamInteractions";
    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(b => b, b => b);
    private static readonly Method<byte[], byte[]> RawStream = new(MethodType.DuplexStreaming, Service, MethodName, Raw, Raw);

    private readonly ApiClients api = fixture.Clients;

    public static TheoryData<byte[]> Garbage => new()
    {
        // A varint that never ends; a field with wire type 7 (invalid); a string field that runs past the end.
        new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF },
        new byte[] { 0x0F, 0x01 },
        "\n\u00ffhello"u8.ToArray(),
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public async Task A_message_that_does_not_parse_ends_the_stream_with_invalid_argument_after_the_items_before_it_are_answered(byte[] garbage)
    {
        var (id, _) = await api.CreateCustomerAsync();
        var items = Enumerable.Range(0, 3).Select(i => StreamCalls.Item(id, TestData.Inquiry($"g-{i}", TestData.AtMs(i * 1000L)))).ToList();
        using var call = api.Invoker.AsyncDuplexStreamingCall(RawStream, null, new CallOptions(deadline: Calls.Deadline()));
        foreach (var item in items)
        {
            await call.RequestStream.WriteAsync(item.ToByteArray());
        }

        await call.RequestStream.WriteAsync(garbage);
        await IgnoreEndedCallAsync(call.RequestStream.CompleteAsync());

        var answers = new List<StreamInteractionsResponse>();
        var ended = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, async () =>
        {
            await foreach (var bytes in call.ResponseStream.ReadAllAsync())
            {
                answers.Add(StreamInteractionsResponse.Parser.ParseFrom(bytes));
            }
        });

        Assert.Contains("StreamInteractionsRequest", ended.Status.Detail, StringComparison.Ordinal);
        StreamCalls.AssertOnePerItemInOrder(items.Count, answers);
        for (var i = 0; i < items.Count; i++)
        {
            StreamCalls.AssertCreated(items[i], answers[i]);
        }

        Assert.Equal(items.Count, await Calls.CountInteractionRowsAsync(fixture.Database.DataSource, id));
    }

    [Fact]
    public async Task A_first_message_that_does_not_parse_ends_the_stream_with_invalid_argument_and_no_answer()
    {
        using var call = api.Invoker.AsyncDuplexStreamingCall(RawStream, null, new CallOptions(deadline: Calls.Deadline()));
        await call.RequestStream.WriteAsync([0x0F, 0x01]);
        await IgnoreEndedCallAsync(call.RequestStream.CompleteAsync());

        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, async () => Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None)));
    }

    [Fact]
    public async Task A_client_that_cancels_mid_stream_leaves_the_server_healthy_and_what_was_answered_stored()
    {
        var customers = await api.CreateCustomersAsync(50);

        var items = Enumerable.Range(0, 3000)
            .Select(i => StreamCalls.Item(customers[i % customers.Count], TestData.Inquiry($"x-{i:D4}", TestData.AtMs(i * 1000L))))
            .ToList();
        using var cancel = new CancellationTokenSource();
        var call = api.Interactions.StreamInteractions(deadline: Calls.Deadline(), cancellationToken: cancel.Token);
        var sending = StreamCalls.SendAllAsync(call.RequestStream, items);
        var answers = new List<StreamInteractionsResponse>();
        while (answers.Count < 100 && await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            answers.Add(call.ResponseStream.Current);
        }

        await cancel.CancelAsync();
        await RpcAssert.FailsAsync(StatusCode.Cancelled, async () =>
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
        });
        await IgnoreEndedCallAsync(sending);
        call.Dispose();

        StreamCalls.AssertOnePerItemInOrder(100, answers);
        Assert.All(answers, a => Assert.Equal(Result.Created, a.Result));
        await AssertHealthyAsync();
        await api.AssertReadBackAsync(items, answers);

        // Sending everything again finishes the job: what was stored is a duplicate, the rest is created.
        var again = await api.StreamAsync(items);
        StreamCalls.AssertOnePerItemInOrder(items.Count, again);
        Assert.All(answers, a => Assert.Equal(Result.Duplicate, again[(int)a.Index].Result));
        Assert.All(again, a => Assert.Contains(a.Result, new[] { Result.Created, Result.Duplicate }));
        foreach (var customer in customers)
        {
            Assert.Equal(items.Count / customers.Count, await Calls.CountInteractionRowsAsync(fixture.Database.DataSource, customer));
        }
    }

    [Fact]
    public async Task A_client_that_does_not_read_is_held_back_by_flow_control_and_everything_is_answered_once_it_reads()
    {
        const int limit = 20_000;
        var customers = await api.CreateCustomersAsync(50);

        StreamInteractionsRequest ItemAt(int i) => StreamCalls.Item(customers[i % customers.Count], TestData.Inquiry($"f-{i:D5}", TestData.AtMs(i * 1000L)));

        using var call = api.Interactions.StreamInteractions(deadline: Calls.Deadline(600));
        var sent = 0;
        Task? stalled = null;
        while (sent < limit)
        {
            var write = call.RequestStream.WriteAsync(ItemAt(sent));
            if (await Task.WhenAny(write, Task.Delay(TimeSpan.FromSeconds(5))) != write)
            {
                stalled = write;
                break;
            }

            await write;
            sent++;
        }

        Assert.True(stalled is not null, $"{sent} items were sent without reading an answer and no write was held back.");
        output.WriteLine($"The client was held back after {sent} items sent without reading.");

        var reading = ReadAllAsync(call.ResponseStream);
        await stalled;
        sent++;
        await call.RequestStream.CompleteAsync();
        var answers = await reading;

        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        StreamCalls.AssertOnePerItemInOrder(sent, answers);
        Assert.All(answers, a => Assert.Equal(Result.Created, a.Result));
        Assert.Equal(sent, await StreamCalls.CountInteractionRowsAsync(fixture.Database.DataSource, customers));
    }

    private static async Task<List<StreamInteractionsResponse>> ReadAllAsync(IAsyncStreamReader<StreamInteractionsResponse> responses)
    {
        var answers = new List<StreamInteractionsResponse>();
        await foreach (var answer in responses.ReadAllAsync())
        {
            answers.Add(answer);
        }

        return answers;
    }

    /// <summary>Awaits a write or half-close of a call that the server may have ended already.</summary>
    private static async Task IgnoreEndedCallAsync(Task write)
    {
        try
        {
            await write;
        }
        catch (RpcException)
        {
        }
        catch (OperationCanceledException)
        {
        }
        catch (InvalidOperationException)
        {
        }
    }

    private async Task AssertHealthyAsync()
    {
        Assert.NotNull(fixture.Server.ProcessId);
        var health = await api.Health.CheckAsync(new HealthCheckRequest(), deadline: Calls.Deadline());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        var (id, _) = await api.CreateCustomerAsync();
        var item = StreamCalls.Item(id, TestData.Inquiry("h-1", TestData.At(TimeSpan.FromHours(1))));
        var answers = await api.StreamAsync([item]);
        StreamCalls.AssertCreated(item, Assert.Single(answers));
    }
}
