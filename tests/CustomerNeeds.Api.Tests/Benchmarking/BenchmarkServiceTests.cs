using CustomerNeeds.Api.Benchmark.V1;
using CustomerNeeds.Api.Tests.Durability;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Google.Protobuf;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Benchmarking;

/// <summary>
/// The benchmark-only service: absent unless configured, and when enabled its naive baseline
/// really stores through PostgreSQL grain storage (it must survive a restart).
/// </summary>
[Collection(DurabilityCollection.Name)]
public sealed class BenchmarkServiceTests
{
    private static readonly Dictionary<string, string> Enabled = new() { ["CustomerNeeds__Benchmark__Enabled"] = "true" };

    [Fact]
    public async Task Absent_by_default_every_method_answers_unimplemented()
    {
        await using var own = await OwnServer.StartAsync();
        var client = new BenchmarkService.BenchmarkServiceClient(own.Server.Channel);

        await RpcAssert.FailsAsync(StatusCode.Unimplemented, () => client.EchoAsync(new EchoRequest(), deadline: Calls.Deadline()).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.Unimplemented, () => client.GetMemoryAsync(new GetMemoryRequest(), deadline: Calls.Deadline()).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.Unimplemented, () => client.RecordInteractionNaiveAsync(
            Naive(TestData.NewCustomerId(), "i-1"), deadline: Calls.Deadline()).ResponseAsync);
    }

    [Fact]
    public async Task Enabled_echo_returns_its_payload_and_memory_counts_active_customers()
    {
        await using var own = await OwnServer.StartAsync(Enabled);
        var client = new BenchmarkService.BenchmarkServiceClient(own.Server.Channel);

        var echo = await client.EchoAsync(new EchoRequest { Payload = ByteString.CopyFromUtf8("ping") }, deadline: Calls.Deadline());
        Assert.Equal("ping", echo.Payload.ToStringUtf8());

        await own.Clients.CreateCustomerAsync();
        await own.Clients.CreateCustomerAsync();
        var memory = await client.GetMemoryAsync(new GetMemoryRequest(), deadline: Calls.Deadline());
        Assert.Equal(2, memory.ActiveCustomerGrains);
        Assert.True(memory.HeapSizeBytes > 0, $"heap {memory.HeapSizeBytes}");
        Assert.True(memory.TotalAllocatedBytes > 0, $"allocated {memory.TotalAllocatedBytes}");
    }

    [Fact]
    public async Task Enabled_naive_grain_stores_an_interaction_in_postgres_and_reads_it_back_after_a_restart()
    {
        await using var own = await OwnServer.StartAsync(Enabled);
        var client = new BenchmarkService.BenchmarkServiceClient(own.Server.Channel);
        var customerId = TestData.NewCustomerId();
        var interactionId = TestData.NewId("naive");

        var first = await client.RecordInteractionNaiveAsync(Naive(customerId, interactionId), deadline: Calls.Deadline());
        Assert.False(first.Replayed);
        Assert.Equal(TestData.InteractionName(customerId, interactionId), first.Interaction.Name);
        Assert.Equal(1, await StoredStatesMentioningAsync(own, interactionId));

        await own.KillAndRestartAsync();

        var again = await client.RecordInteractionNaiveAsync(Naive(customerId, interactionId), deadline: Calls.Deadline());
        Assert.True(again.Replayed);
        Assert.Equal(first.Interaction, again.Interaction);
        var changed = Naive(customerId, interactionId);
        changed.Interaction.Summary = "Something else.";
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => client.RecordInteractionNaiveAsync(changed, deadline: Calls.Deadline()).ResponseAsync);
        await RpcAssert.InvalidAsync(() => client.RecordInteractionNaiveAsync(
            new RecordInteractionRequest { Parent = "nope", Interaction = Naive(customerId, "i-2").Interaction }, deadline: Calls.Deadline()).ResponseAsync, "parent");
    }

    private static RecordInteractionRequest Naive(string customerId, string interactionId) => new()
    {
        Parent = TestData.CustomerName(customerId),
        Interaction = TestData.Inquiry(interactionId, TestData.At(TimeSpan.FromHours(1))),
    };

    /// <summary>Grain state rows (any grain type) whose JSON payload mentions the text.</summary>
    private static async Task<long> StoredStatesMentioningAsync(OwnServer own, string text)
    {
        await using var command = own.Database.DataSource.CreateCommand("SELECT count(*) FROM orleans_grain_state WHERE payload::text LIKE '%' || $1 || '%'");
        command.Parameters.AddWithValue(text);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
