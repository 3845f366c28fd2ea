using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Services.Streaming;

/// <summary>The StreamInteractionsResponse of one item: created, duplicate or error.</summary>
public static class StreamAnswer
{
    /// <summary>The item was recorded (or was a same-content replay): what RecordInteraction would have answered.</summary>
    public static Contract.StreamInteractionsResponse Recorded(long index, Contract.RecordInteractionResponse recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return new Contract.StreamInteractionsResponse
        {
            Index = index,
            Result = recorded.Replayed ? Contract.StreamInteractionsResponse.Types.Result.Duplicate : Contract.StreamInteractionsResponse.Types.Result.Created,
            Interaction = recorded.Interaction,
            OpenedComplaint = recorded.OpenedComplaint,
        };
    }

    /// <summary>The item was refused or failed with <paramref name="error"/>; nothing of it was recorded.</summary>
    public static Contract.StreamInteractionsResponse Failed(long index, Google.Rpc.Status error) => new()
    {
        Index = index,
        Result = Contract.StreamInteractionsResponse.Types.Result.Error,
        Error = error,
    };
}
