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
    /// <summary>The response: the customers, the next page token ("" on the last page) and the total when asked.</summary>
    public async Task<TResponse> ReadAsync<TResponse>(
        PostgresCustomerSearch search, CustomerQuery query, Contract.CustomerView view, string fingerprint, CancellationToken cancellationToken)
        where TResponse : Contract.ICustomerPage, new()
    {
        ArgumentNullException.ThrowIfNull(search);
        var page = await search.ListAsync(query, cancellationToken);
        var response = new TResponse { NextPageToken = SearchValidation.TokenOf(page.Next, fingerprint) };
        response.Customers.AddRange(view == Contract.CustomerView.Full
            ? await Task.WhenAll(page.Rows.Select(async row =>
                CustomerMapper.ToProto(await grains.GetGrain<ICustomerGrain>(row.CustomerId).GetAsync(cancellationToken))))
            : page.Rows.Select(row => CustomerSearchRowMapper.ToProto(row, policy.CurrencyCode)));
        if (page.TotalSize is { } total)
        {
            response.TotalSize = total;
        }

        return response;
    }
}
