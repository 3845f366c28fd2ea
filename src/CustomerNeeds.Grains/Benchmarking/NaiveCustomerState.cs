using CustomerNeeds.Abstractions.Customers;

namespace CustomerNeeds.Grains.Benchmarking;

/// <summary>The naive baseline's whole state: every interaction of the customer, oldest first.</summary>
public sealed class NaiveCustomerState
{
    /// <summary>Every recorded interaction; grows without bound and is written in full on every call.</summary>
    public List<RecordedInteraction> Interactions { get; set; } = [];
}
