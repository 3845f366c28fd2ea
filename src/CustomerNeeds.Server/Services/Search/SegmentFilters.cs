using CustomerNeeds.Abstractions.Errors;
using CustomerNeeds.Search;
using CustomerNeeds.Search.Customers;
using CustomerNeeds.Storage.Segments;

namespace CustomerNeeds.Server.Services.Search;

/// <summary>
/// A segment's filter as a checked <see cref="CustomerFilter"/>, for every RPC that restricts
/// itself to a segment (members, membership, and KPIs or the KANO analysis of a segment):
/// NOT_FOUND for an unknown segment, FAILED_PRECONDITION when the stored filter no longer checks
/// (e.g. a tier was removed from the tier policy since it was stored).
/// </summary>
public sealed class SegmentFilters(CustomerFilterChecker checker)
{
    /// <summary>The segment's row.</summary>
    public static async Task<SegmentRow> FindAsync(PostgresSegmentStore store, string segmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return await store.GetAsync(segmentId, cancellationToken)
            ?? throw new CustomerOperationException(CustomerErrorCode.NotFound, $"Segment '{segmentId}' not found.");
    }

    /// <summary>The segment and its checked filter (null: every customer).</summary>
    public async Task<(SegmentRow Segment, CustomerFilter? Filter)> ResolveAsync(PostgresSegmentStore store, string segmentId, CancellationToken cancellationToken)
    {
        var segment = await FindAsync(store, segmentId, cancellationToken);
        try
        {
            return (segment, checker.Check(segment.Filter));
        }
        catch (FilterException ex)
        {
            throw new CustomerOperationException(
                CustomerErrorCode.FailedPrecondition,
                $"The filter of segment '{segment.SegmentId}' no longer checks ({ex.Message}); update the segment's filter.");
        }
    }
}
