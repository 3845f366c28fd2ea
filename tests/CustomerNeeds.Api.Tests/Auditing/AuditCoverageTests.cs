using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.Tests.Security;
using CustomerNeeds.Api.V1;
using Grpc.Core;
using static CustomerNeeds.Api.Tests.Auditing.AuditEventRows;

namespace CustomerNeeds.Api.Tests.Auditing;

/// <summary>
/// What the access layer hands to the audit log (docs/security.md, "Audit log"): a read of personal data
/// by an internal tool, not by a channel key; one event per StreamInteractions item; a channel key refused
/// for a customer it does not serve, with that customer.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AuditCoverageTests(ServerFixture fixture)
{
    private const string GetCustomer = "/customerneeds.v1.CustomerService/GetCustomer";

    private AuditService.AuditServiceClient Audit => new(fixture.Server.Channel);

    [Fact]
    public async Task A_read_of_personal_data_is_audited_for_an_internal_tool_and_not_for_a_masked_analyst_or_a_channel_key()
    {
        var system = "shop-" + Guid.NewGuid().ToString("N")[..8];
        var (id, _) = await fixture.Clients.CreateCustomerAsync(AccessMatrixTests.MinimalWithExternalId(system, "u-1"));
        var tool = "tool-" + Guid.NewGuid().ToString("N")[..8];
        using (var toolChannel = fixture.Server.NewChannel(TestTokens.Create(["agent"], subject: tool)))
        {
            await new ApiClients(toolChannel).GetCustomerAsync(id);
        }

        using (var analystChannel = fixture.Server.NewChannel(TestTokens.Create(["analyst"], subject: tool + "-analyst")))
        {
            await new ApiClients(analystChannel).GetCustomerAsync(id);
        }

        var key = await AccessMatrixTests.CreateChannelKeyAsync(fixture.Clients, system);
        using (var keyChannel = fixture.Server.NewApiKeyChannel(key))
        {
            await new ApiClients(keyChannel).GetCustomerAsync(id);
        }

        var reads = await EventuallyAsync(new ListAuditEventsRequest { Customer = TestData.CustomerName(id), Method = GetCustomer }, atLeast: 1);
        var read = Assert.Single(reads);
        Assert.Equal($"jwt:{TestTokens.Issuer}#{tool}", read.Caller);
        Assert.Equal("OK", read.Outcome);
    }

    [Fact]
    public async Task Each_item_of_a_stream_is_one_audit_event_with_its_customer_and_outcome()
    {
        var (id, _) = await fixture.Clients.CreateCustomerAsync();
        var subject = "ingest-" + Guid.NewGuid().ToString("N")[..8];
        using var channel = fixture.Server.NewChannel(TestTokens.Create(["agent"], subject: subject));
        var interactions = new InteractionService.InteractionServiceClient(channel);
        using (var call = interactions.StreamInteractions())
        {
            await call.RequestStream.WriteAsync(new StreamInteractionsRequest { Parent = TestData.CustomerName(id), Interaction = TestData.Inquiry("s-1", TestData.AtMs(1000)) });
            await call.RequestStream.WriteAsync(new StreamInteractionsRequest { Parent = TestData.CustomerName(id), Interaction = TestData.Inquiry("s-2", TestData.AtMs(2000)) });
            await call.RequestStream.WriteAsync(new StreamInteractionsRequest { Parent = TestData.CustomerName(id), Interaction = new Interaction() });
            await call.RequestStream.CompleteAsync();
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
        }

        var events = await EventuallyAsync(new ListAuditEventsRequest { Caller = $"jwt:{TestTokens.Issuer}#{subject}" }, atLeast: 4);
        var items = events.Where(e => e.CustomerHash == Hash(id)).ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal(2, items.Count(e => e.Outcome == "OK"));
        Assert.Single(items, e => e.Outcome == "INVALID_ARGUMENT");
        Assert.Single(events, e => e.CustomerHash.Length == 0 && e.Outcome == "OK");
        Assert.All(events, e => Assert.Equal("/customerneeds.v1.InteractionService/StreamInteractions", e.Method));
    }

    [Fact]
    public async Task A_channel_key_refused_for_a_customer_it_does_not_serve_is_audited_with_that_customer()
    {
        var (id, _) = await fixture.Clients.CreateCustomerAsync();
        var key = await AccessMatrixTests.CreateChannelKeyAsync(fixture.Clients, "shop-" + Guid.NewGuid().ToString("N")[..8]);
        using var keyChannel = fixture.Server.NewApiKeyChannel(key);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => new ApiClients(keyChannel).GetCustomerAsync(id));

        var refused = Assert.Single(await EventuallyAsync(new ListAuditEventsRequest { Customer = TestData.CustomerName(id), Outcome = "PERMISSION_DENIED" }, atLeast: 1));
        Assert.StartsWith("apiKeys/", refused.Caller, StringComparison.Ordinal);
        Assert.Equal(GetCustomer, refused.Method);
    }

    [Fact]
    public async Task A_resource_with_a_nul_character_is_recorded_cleaned_and_does_not_stop_the_audit_log()
    {
        // PostgreSQL text cannot hold NUL: written as sent, this row failed every retry of its batch, the
        // queue filled, and every audited call was refused UNAVAILABLE (found by the fuzz run).
        var subject = "nul-" + Guid.NewGuid().ToString("N")[..8];
        using var channel = fixture.Server.NewChannel(TestTokens.Create(["analyst"], subject: subject));
        var segments = new SegmentService.SegmentServiceClient(channel);
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => segments.UpdateSegmentAsync(new UpdateSegmentRequest
        {
            Segment = new Segment { Name = "segments/a\0b", DisplayName = "x" },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "display_name" } },
        }).ResponseAsync);

        var refused = Assert.Single(await EventuallyAsync(new ListAuditEventsRequest { Caller = $"jwt:{TestTokens.Issuer}#{subject}" }, atLeast: 1));
        Assert.Equal("INVALID_ARGUMENT", refused.Outcome);
        Assert.Equal("segments/a\uFFFDb", refused.Resource);

        // The writer goes on.
        var (id, _) = await fixture.Clients.CreateCustomerAsync();
        Assert.Single(await EventuallyAsync(new ListAuditEventsRequest { Customer = TestData.CustomerName(id), Method = "/customerneeds.v1.CustomerService/CreateCustomer" }, atLeast: 1));
    }

    private async Task<IReadOnlyList<AuditEvent>> EventuallyAsync(ListAuditEventsRequest request, int atLeast)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await Audit.ListAuditEventsAsync(request);
            if (response.AuditEvents.Count >= atLeast || DateTime.UtcNow > deadline)
            {
                // Let a straggler of the same calls arrive, so that "exactly" is checked, not "at least".
                await Task.Delay(300);
                return (await Audit.ListAuditEventsAsync(request)).AuditEvents;
            }

            await Task.Delay(50);
        }
    }
}
