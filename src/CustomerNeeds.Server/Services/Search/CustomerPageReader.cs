using CustomerNeeds.Abstractions;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Server.Mapping;
using CustomerNeeds.Server.Validation;
using CustomerNeeds.Storage.ReadModel;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Services.Search;

/// <summary>
/// Reads one page of a customer search and shapes it for the contract: BASIC from the read-model
/// rows, FULL from each customer's grain in the page's order; the next page token bound to the
/// request's fingerprint.
/// </summary>
public sealed class CustomerPageReader(IGrainFactory grains, CustomerPolicy policy)
{
    /// <summary>The customers, the next page token ("" on the last page) and the total when asked.</summary>
    public async Task<(IReadOnlyList<Contract.Customer> Customers, string NextPageToken, long? TotalSize)> ReadAsync(
        PostgresCustomerSearch search, CustomerQuery query, Contract.CustomerView view, string fingerprint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        var page = await search.ListAsync(query, cancellationToken);
        IReadOnlyList<Contract.Customer> customers = view == Contract.CustomerView.Full
            ? await Task.WhenAll(page.Rows.Select(async row =>
                CustomerMapper.ToProto(await grains.GetGrain<ICustomerGrain>(row.CustomerId).GetAsync(cancellationToken))))
            : page.Rows.Select(row => CustomerSearchRowMapper.ToProto(row, policy.CurrencyCode)).ToArray();
        return (customers, SearchValidation.TokenOf(page.Next, fingerprint), page.TotalSize);
    }
}
