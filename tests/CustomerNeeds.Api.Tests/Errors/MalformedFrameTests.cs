using System.IO.Compression;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.Tests.Streaming;
using CustomerNeeds.Api.V1;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Health.V1;

namespace CustomerNeeds.Api.Tests.Errors;

/// <summary>
/// gRPC frames that grpc-dotnet reads before any handler code runs: a compressed flag other than
/// 0 or 1, bytes that do not decompress, a message that inflates past the receive limit. Each gets
/// an exact status (never UNKNOWN), stores nothing, and leaves the server serving.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class MalformedFrameTests(ServerFixture fixture)
{
    private const string RecordInteraction = "/customerneeds.v1.InteractionService/RecordInteraction";
    private const string StreamInteractions = "/customerneeds.v1.InteractionService/StreamInteractions";

    private Uri Server => fixture.Server.Address;

    [Theory]
    [InlineData(2)]
    [InlineData(0x80)]
    [InlineData(0xFF)]
    public async Task A_unary_frame_with_a_compressed_flag_other_than_0_or_1_is_invalid_argument_and_stores_nothing(byte flag)
    {
        var (id, request) = await NewRecordRequestAsync();

        var answer = await RawGrpc.CallAsync(Server, RecordInteraction, RawGrpc.Frame(flag, request.ToByteArray()));

        Assert.Equal(StatusCode.InvalidArgument, answer.Status);
        Assert.Contains($"the compressed flag at byte 0 is {flag}", answer.Message, StringComparison.Ordinal);
        await AssertNothingStoredAndServingAsync(id);
    }

    [Fact]
    public async Task A_unary_message_that_does_not_decompress_is_invalid_argument_and_stores_nothing()
    {
        var (id, request) = await NewRecordRequestAsync();

        // Flag 1 and grpc-encoding gzip, but the payload is the plain protobuf bytes.
        var answer = await RawGrpc.CallAsync(Server, RecordInteraction, RawGrpc.Frame(1, request.ToByteArray()), encoding: "gzip");

        Assert.Equal(StatusCode.InvalidArgument, answer.Status);
        Assert.StartsWith("The request message could not be decompressed as gzip", answer.Message, StringComparison.Ordinal);
        await AssertNothingStoredAndServingAsync(id);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    public async Task A_unary_message_that_inflates_past_the_receive_limit_is_resource_exhausted(string encoding)
    {
        // 64 MiB of zeros compress to about 64 KiB: small on the wire, far over the 4 MiB limit once inflated.
        var bomb = Compress(encoding, new byte[64 * 1024 * 1024]);
        Assert.True(bomb.Length < 256 * 1024, $"{bomb.Length} compressed bytes");

        var answer = await RawGrpc.CallAsync(Server, RecordInteraction, RawGrpc.Frame(1, bomb), encoding);

        Assert.Equal(StatusCode.ResourceExhausted, answer.Status);
        Assert.Equal($"The request message, decompressed ({encoding}), is larger than the limit of 4194304 bytes.", answer.Message);
        await AssertServingAsync();
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    public async Task A_well_compressed_unary_message_is_recorded(string encoding)
    {
        var (id, request) = await NewRecordRequestAsync();

        var answer = await RawGrpc.CallAsync(Server, RecordInteraction, RawGrpc.Frame(1, Compress(encoding, request.ToByteArray())), encoding);

        Assert.Equal(StatusCode.OK, answer.Status);
        var response = RecordInteractionResponse.Parser.ParseFrom(Assert.Single(answer.Messages));
        Assert.Equal(request.Interaction.InteractionId, response.Interaction.InteractionId);
        Assert.Equal(1, await Calls.CountInteractionRowsAsync(fixture.Database.DataSource, id));
    }

    [Fact]
    public async Task A_stream_frame_with_a_bad_flag_after_good_frames_ends_the_stream_with_invalid_argument_after_answering_them()
    {
        var (id, _) = await fixture.Clients.CreateCustomerAsync();
        var items = Enumerable.Range(0, 3)
            .Select(i => StreamCalls.Item(id, TestData.Inquiry($"ff-{i}", TestData.AtMs(i * 1000L))))
            .ToList();
        var goodFrames = items.SelectMany(i => RawGrpc.Frame(0, i.ToByteArray())).ToArray();
        var badFrameAt = goodFrames.Length;
        var body = goodFrames.Concat(RawGrpc.Frame(2, StreamCalls.Item(id, TestData.Inquiry("ff-bad", TestData.AtMs(9000))).ToByteArray())).ToArray();

        var answer = await RawGrpc.CallAsync(Server, StreamInteractions, body);

        Assert.Equal(StatusCode.InvalidArgument, answer.Status);
        Assert.Contains($"the compressed flag at byte {badFrameAt} is 2", answer.Message, StringComparison.Ordinal);
        var answers = answer.Messages.Select(StreamInteractionsResponse.Parser.ParseFrom).ToList();
        StreamCalls.AssertOnePerItemInOrder(items.Count, answers);
        for (var i = 0; i < items.Count; i++)
        {
            StreamCalls.AssertCreated(items[i], answers[i]);
        }

        Assert.Equal(items.Count, await Calls.CountInteractionRowsAsync(fixture.Database.DataSource, id));
    }

    [Fact]
    public async Task A_stream_message_that_does_not_decompress_is_invalid_argument()
    {
        var (id, request) = await NewRecordRequestAsync();
        var item = StreamCalls.Item(id, request.Interaction);

        var answer = await RawGrpc.CallAsync(Server, StreamInteractions, RawGrpc.Frame(1, item.ToByteArray()), encoding: "deflate");

        Assert.Equal(StatusCode.InvalidArgument, answer.Status);
        Assert.StartsWith("The request message could not be decompressed as deflate", answer.Message, StringComparison.Ordinal);
        Assert.Empty(answer.Messages);
        await AssertNothingStoredAndServingAsync(id);
    }

    private static byte[] Compress(string encoding, byte[] bytes)
    {
        using var output = new MemoryStream();
        using (Stream compressing = encoding == "gzip"
            ? new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true)
            : new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            compressing.Write(bytes);
        }

        return output.ToArray();
    }

    private async Task<(string Id, RecordInteractionRequest Request)> NewRecordRequestAsync()
    {
        var (id, _) = await fixture.Clients.CreateCustomerAsync();
        return (id, new RecordInteractionRequest
        {
            Parent = TestData.CustomerName(id),
            Interaction = TestData.Inquiry(TestData.NewId("raw"), TestData.AtMs(1000)),
        });
    }

    private async Task AssertNothingStoredAndServingAsync(string customerId)
    {
        Assert.Equal(0, await Calls.CountInteractionRowsAsync(fixture.Database.DataSource, customerId));
        await AssertServingAsync();
    }

    private async Task AssertServingAsync()
    {
        var health = await fixture.Clients.Health.CheckAsync(new HealthCheckRequest(), deadline: Calls.Deadline());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }
}
