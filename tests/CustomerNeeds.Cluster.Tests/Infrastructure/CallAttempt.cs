using Grpc.Core;

namespace CustomerNeeds.Cluster.Tests.Infrastructure;

/// <summary>
/// One RecordInteraction call as the caller saw it (after the channel's own retries): when it was sent and
/// answered, on the load's clock, and how it ended.
/// </summary>
public sealed record CallAttempt(string CustomerId, string InteractionId, TimeSpan Sent, TimeSpan Answered, StatusCode Code, bool Replayed);
