using CustomerNeeds.Api.V1;
using CustomerNeeds.Client;
using Grpc.Core;

namespace CustomerNeeds.Cluster.Tests.Loopback;

/// <summary>
/// A caller that records an interaction until it is acknowledged, as docs/client-retries.md tells callers to
/// do beyond the channel's own retries: it sends the same request (same interaction id) again while the
/// final code is retryable for RecordInteraction and the overall deadline has not passed. Every attempt goes
/// into the <see cref="AckLedger"/>.
/// </summary>
public sealed class RetryingRecorder(InteractionService.InteractionServiceClient interactions, AckLedger ledger)
{
    private const string Method = "customerneeds.v1.InteractionService/RecordInteraction";
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    /// <summary>The ledger of this recorder.</summary>
    public AckLedger Ledger => ledger;

    /// <summary>Records <paramref name="interaction"/> for <paramref name="customerId"/>; true once acknowledged OK, false when given up.</summary>
    public async Task<bool> RecordUntilAcknowledgedAsync(string customerId, Interaction interaction, DateTime deadline)
    {
        var request = new RecordInteractionRequest { Parent = "customers/" + customerId, Interaction = interaction };
        while (true)
        {
            var started = ledger.Now;
            StatusCode code;
            var detail = "";
            try
            {
                var callDeadline = DateTime.UtcNow + CallDeadline < deadline ? DateTime.UtcNow + CallDeadline : deadline;
                using var call = interactions.RecordInteractionAsync(request, deadline: callDeadline);
                await call.ResponseAsync;
                code = StatusCode.OK;
                if ((await call.ResponseHeadersAsync).GetValue("grpc-previous-rpc-attempts") is not null)
                {
                    ledger.CountChannelRetry();
                }
            }
            catch (RpcException e)
            {
                code = e.StatusCode;
                detail = e.Status.Detail;
            }

            ledger.Record(new Attempt(customerId, interaction.InteractionId, started, ledger.Now, code, detail));
            if (code == StatusCode.OK)
            {
                return true;
            }

            if (!CustomerNeedsRetryPolicy.IsRetryable(Method, code) || DateTime.UtcNow + Pause >= deadline)
            {
                ledger.GiveUp(interaction.InteractionId, code);
                return false;
            }

            await Task.Delay(Pause);
        }
    }
}
