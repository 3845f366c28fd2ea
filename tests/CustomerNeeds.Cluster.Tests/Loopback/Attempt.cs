using Grpc.Core;

namespace CustomerNeeds.Cluster.Tests.Loopback;

/// <summary>One call as the caller saw it: when it was sent and answered (on the ledger's clock) and its final code.</summary>
/// <param name="CustomerId">The customer written to.</param>
/// <param name="InteractionId">The interaction sent.</param>
/// <param name="Started">When the call was made.</param>
/// <param name="Completed">When its answer (or failure) arrived.</param>
/// <param name="Code">Its final status code (after the channel's own retries).</param>
/// <param name="Detail">The status detail of a failure, for failure messages.</param>
public readonly record struct Attempt(string CustomerId, string InteractionId, TimeSpan Started, TimeSpan Completed, StatusCode Code, string Detail = "");
