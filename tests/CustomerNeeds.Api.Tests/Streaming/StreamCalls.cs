using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Google.Rpc;
using Grpc.Core;
using Npgsql;
using Result = CustomerNeeds.Api.V1.StreamInteractionsResponse.Types.Result;

namespace CustomerNeeds.Api.Tests.Streaming;

/// <summary>StreamInteractions calls: send every item while reading every answer.</summary>
public static class StreamCalls
{
    /// <summary>Creates <paramref name="count"/> customers with fresh ids; returns their ids.</summary>
    public static async Task<List<string>> CreateCustomersAsync(this ApiClients api, int count)
    {
        var ids = new List<string>();
        for (var c = 0; c < count; c++)
        {
            ids.Add((await api.CreateCustomerAsync()).Id);
        }

        return ids;
    }

    /// <summary>The customer id of an item's parent.</summary>
    public static string CustomerIdOf(StreamInteractionsRequest item) => item.Parent["customers/".Length..];

    /// <summary>Asserts that every answered item reads back (GetInteraction) exactly as its answer carried it.</summary>
    public static Task AssertReadBackAsync(this ApiClients api, IReadOnlyList<StreamInteractionsRequest> items, IReadOnlyList<StreamInteractionsResponse> answered) =>
        Calls.ForAllAsync(answered.Count, 16, async n =>
        {
            var item = items[(int)answered[n].Index];
            Assert.Equal(answered[n].Interaction, await api.GetInteractionAsync(CustomerIdOf(item), item.Interaction.InteractionId));
        });

    /// <summary>One item of a stream: an interaction of a customer.</summary>
    public static StreamInteractionsRequest Item(string customerId, Interaction interaction) =>
        new() { Parent = TestData.CustomerName(customerId), Interaction = interaction };

    /// <summary>
    /// Sends <paramref name="items"/> (then half-closes) while reading the answers; asserts the
    /// stream ends OK and returns every answer in the order received.
    /// </summary>
    public static async Task<List<StreamInteractionsResponse>> StreamAsync(this ApiClients api, IReadOnlyList<StreamInteractionsRequest> items, int deadlineSeconds = 180)
    {
        using var call = api.Interactions.StreamInteractions(deadline: Calls.Deadline(deadlineSeconds));
        var sending = SendAllAsync(call.RequestStream, items);
        var answers = new List<StreamInteractionsResponse>();
        await foreach (var answer in call.ResponseStream.ReadAllAsync())
        {
            answers.Add(answer);
        }

        await sending;
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        return answers;
    }

    /// <summary>Writes every item, then half-closes.</summary>
    public static async Task SendAllAsync(IClientStreamWriter<StreamInteractionsRequest> writer, IEnumerable<StreamInteractionsRequest> items)
    {
        foreach (var item in items)
        {
            await writer.WriteAsync(item);
        }

        await writer.CompleteAsync();
    }

    /// <summary>Asserts one answer per item, in order, each carrying its index.</summary>
    public static void AssertOnePerItemInOrder(int itemCount, IReadOnlyList<StreamInteractionsResponse> answers)
    {
        Assert.Equal(itemCount, answers.Count);
        for (var i = 0; i < answers.Count; i++)
        {
            Assert.True(answers[i].Index == i, $"Answer {i} carries index {answers[i].Index}.");
            Assert.NotEqual(Result.Unspecified, answers[i].Result);
        }
    }

    /// <summary>Asserts RESULT_CREATED with the stored interaction: the input plus its name and a record_time.</summary>
    public static void AssertCreated(StreamInteractionsRequest item, StreamInteractionsResponse answer)
    {
        Assert.True(answer.Result == Result.Created, $"Item {answer.Index}: expected CREATED, got {Describe(answer)}");
        Assert.Null(answer.Error);
        var stored = answer.Interaction;
        Assert.NotNull(stored.RecordTime);
        var expected = item.Interaction.Clone();
        expected.Name = item.Parent + "/interactions/" + item.Interaction.InteractionId;
        expected.RecordTime = stored.RecordTime;
        Assert.Equal(expected, stored);
    }

    /// <summary>Asserts RESULT_ERROR with <paramref name="code"/>; returns the google.rpc.Status.</summary>
    public static Google.Rpc.Status AssertError(StreamInteractionsResponse answer, Code code)
    {
        Assert.True(answer.Result == Result.Error, $"Item {answer.Index}: expected ERROR {code}, got {Describe(answer)}");
        Assert.Null(answer.Interaction);
        Assert.Equal("", answer.OpenedComplaint);
        Assert.NotNull(answer.Error);
        Assert.Equal((int)code, answer.Error.Code);
        Assert.False(string.IsNullOrWhiteSpace(answer.Error.Message));
        return answer.Error;
    }

    /// <summary>The field paths of the google.rpc.BadRequest in an error answer (asserted present).</summary>
    public static IReadOnlyList<BadRequest.Types.FieldViolation> Violations(Google.Rpc.Status error)
    {
        var badRequest = error.GetDetail<BadRequest>();
        Assert.True(badRequest is not null, $"The error carries no google.rpc.BadRequest (message: {error.Message}).");
        return badRequest.FieldViolations;
    }

    /// <summary>Interactions in the event log of these customers (SQL on the server's database).</summary>
    public static async Task<long> CountInteractionRowsAsync(NpgsqlDataSource dataSource, IEnumerable<string> customerIds)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT count(*) FROM customer_events WHERE customer_id = ANY($1) AND interaction_id IS NOT NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = customerIds.ToArray() });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>An answer in one line, for failure messages.</summary>
    public static string Describe(StreamInteractionsResponse answer) =>
        answer.Result == Result.Error ? $"ERROR {(Code)answer.Error.Code}: {answer.Error.Message}" : answer.Result.ToString();
}
