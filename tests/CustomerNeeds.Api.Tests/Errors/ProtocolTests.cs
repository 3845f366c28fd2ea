using CustomerNeeds.Api.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace CustomerNeeds.Api.Tests.Errors;

/// <summary>Unparseable requests, health and reflection.</summary>
[Collection(ApiCollection.Name)]
public sealed class ProtocolTests(ServerFixture fixture)
{
    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(b => b, b => b);

    public static TheoryData<string, string> Methods => new()
    {
        { "customerneeds.v1.CustomerService", "GetCustomer" },
        { "customerneeds.v1.CustomerService", "CreateCustomer" },
        { "customerneeds.v1.InteractionService", "RecordInteraction" },
        { "customerneeds.v1.NeedService", "ListNeeds" },
        { "customerneeds.v1.ComplaintService", "TransitionComplaint" },
        { "customerneeds.v1.LoyaltyService", "SetTierFloor" },
    };

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task An_unparseable_request_is_invalid_argument_not_unknown(string service, string method)
    {
        var call = new Method<byte[], byte[]>(MethodType.Unary, service, method, Raw, Raw);
        // 0xFF...: a varint that never ends; then a field with wire type 7 (invalid).
        foreach (var garbage in new[] { new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }, new byte[] { 0x0F, 0x01 }, "\n\u00ffhello"u8.ToArray() })
        {
            await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
                fixture.Clients.Invoker.AsyncUnaryCall(call, null, new CallOptions(deadline: Calls.Deadline()), garbage).ResponseAsync);
        }
    }

    [Fact]
    public async Task An_unknown_method_is_unimplemented()
    {
        var call = new Method<byte[], byte[]>(MethodType.Unary, "customerneeds.v1.CustomerService", "DeleteEverything", Raw, Raw);
        await RpcAssert.FailsAsync(StatusCode.Unimplemented, () =>
            fixture.Clients.Invoker.AsyncUnaryCall(call, null, new CallOptions(deadline: Calls.Deadline()), []).ResponseAsync);
    }

    [Fact]
    public async Task Health_is_serving()
    {
        var reply = await fixture.Clients.Health.CheckAsync(new HealthCheckRequest { Service = "" }, deadline: Calls.Deadline());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task Reflection_lists_every_service()
    {
        var client = new ServerReflection.ServerReflectionClient(fixture.Server.Channel);
        using var call = client.ServerReflectionInfo(deadline: Calls.Deadline());
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "customerneeds.v1.CustomerService" });
        await call.RequestStream.CompleteAsync();

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToArray();
        foreach (var expected in new[]
        {
            "customerneeds.v1.CustomerService",
            "customerneeds.v1.NeedService",
            "customerneeds.v1.InteractionService",
            "customerneeds.v1.ComplaintService",
            "customerneeds.v1.LoyaltyService",
            "grpc.health.v1.Health",
        })
        {
            Assert.Contains(expected, services);
        }

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var files = call.ResponseStream.Current.FileDescriptorResponse;
        Assert.NotNull(files);
        Assert.NotEmpty(files.FileDescriptorProto);
    }
}
