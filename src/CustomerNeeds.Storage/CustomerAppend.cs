namespace CustomerNeeds.Storage;

/// <summary>
/// One atomic write of a customer: events appended to the log with the sequences
/// <c>ExpectedSequence + 1</c>, <c>ExpectedSequence + 2</c>, ... and the complaint rows they change.
/// </summary>
/// <param name="CustomerId">The customer written.</param>
/// <param name="ExpectedSequence">The customer's last sequence as the writer knows it (0 for a new customer).</param>
/// <param name="Events">At least one event, in order.</param>
/// <param name="Complaints">The complaint rows to insert or replace (distinct ids), possibly none.</param>
public sealed record CustomerAppend(string CustomerId, long ExpectedSequence, IReadOnlyList<NewEvent> Events, IReadOnlyList<ComplaintRow> Complaints);
