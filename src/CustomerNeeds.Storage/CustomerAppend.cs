using CustomerNeeds.Domain.ReadModel;

namespace CustomerNeeds.Storage;

/// <summary>
/// One atomic write of a customer: events appended to the log with the sequences
/// <c>ExpectedSequence + 1</c>, <c>ExpectedSequence + 2</c>, ..., the complaint rows they change,
/// and the customer's read-model rows after them.
/// </summary>
/// <param name="CustomerId">The customer written.</param>
/// <param name="ExpectedSequence">The customer's last sequence as the writer knows it (0 for a new customer).</param>
/// <param name="Events">At least one event, in order.</param>
/// <param name="Complaints">The complaint rows to insert or replace (distinct ids), possibly none.</param>
/// <param name="Projection">
/// The read-model rows after the events (summary, changed needs, changed KANO answers), upserted only
/// if the append is accepted and only over rows with a lower last_sequence; null writes none
/// (the in-memory log ignores it).
/// </param>
public sealed record CustomerAppend(
    string CustomerId,
    long ExpectedSequence,
    IReadOnlyList<NewEvent> Events,
    IReadOnlyList<ComplaintRow> Complaints,
    CustomerProjection? Projection = null);
