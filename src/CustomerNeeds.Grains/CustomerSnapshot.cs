using CustomerNeeds.Domain.Customers;

namespace CustomerNeeds.Grains;

/// <summary>
/// The customer's state as persisted through Orleans grain storage (System.Text.Json):
/// a bounded snapshot covering the event log up to <see cref="Sequence"/>.
/// </summary>
public sealed class CustomerSnapshot
{
    /// <summary>The last log sequence the snapshot includes.</summary>
    public long Sequence { get; set; }

    /// <summary>The customer's state after applying events 1..<see cref="Sequence"/>.</summary>
    public CustomerState? State { get; set; }
}
