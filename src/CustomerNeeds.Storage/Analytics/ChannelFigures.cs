namespace CustomerNeeds.Storage.Analytics;

/// <summary>The figures of one channel, as the log spells it (null: complaints whose channel is not known).</summary>
public sealed record ChannelFigures(string? Channel, InteractionFigures Interactions, ComplaintFigures Complaints);
