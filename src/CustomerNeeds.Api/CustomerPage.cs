using Google.Protobuf.Collections;

namespace CustomerNeeds.Api.V1;

/// <summary>A page of customers from a search: ListCustomersResponse and ListSegmentMembersResponse have the same three fields.</summary>
public interface ICustomerPage
{
    /// <summary>The customers of the page.</summary>
    RepeatedField<Customer> Customers { get; }

    /// <summary>Token for the next page; empty on the last page.</summary>
    string NextPageToken { get; set; }

    /// <summary>The number of matches, when asked for.</summary>
    long TotalSize { get; set; }
}

/// <summary>ListCustomers' page.</summary>
public sealed partial class ListCustomersResponse : ICustomerPage;

/// <summary>ListSegmentMembers' page.</summary>
public sealed partial class ListSegmentMembersResponse : ICustomerPage;
