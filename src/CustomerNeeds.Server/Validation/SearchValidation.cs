using CustomerNeeds.Search;
using CustomerNeeds.Search.Customers;
using CustomerNeeds.Storage.ReadModel;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Validation;

/// <summary>
/// Checks the search parameters of ListCustomers and ListSegmentMembers: filter and order_by (a
/// <see cref="FilterException"/> becomes one violation whose description is its message, with
/// position and reason) and the keyset page token.
/// </summary>
public static class SearchValidation
{
    /// <summary>The checked filter (null: every customer), or null after adding a violation on <paramref name="field"/>.</summary>
    public static CustomerFilter? Filter(FieldViolations violations, CustomerFilterChecker checker, string field, string? filter)
    {
        ArgumentNullException.ThrowIfNull(violations);
        ArgumentNullException.ThrowIfNull(checker);
        try
        {
            return checker.Check(filter);
        }
        catch (FilterException ex)
        {
            violations.Add(field, ex.Message);
            return null;
        }
    }

    /// <summary>The checked order_by, or the default order after adding a violation on "order_by".</summary>
    public static CustomerOrdering OrderBy(FieldViolations violations, string? orderBy)
    {
        ArgumentNullException.ThrowIfNull(violations);
        try
        {
            return CustomerOrderByParser.Parse(orderBy);
        }
        catch (FilterException ex)
        {
            violations.Add(FilterException.OrderByParameter, ex.Message);
            return CustomerOrdering.Default;
        }
    }

    /// <summary>
    /// The paging parameters shared by ListCustomers and ListSegmentMembers: order_by, page_size,
    /// view and page_token. <paramref name="scope"/> names what the token is bound to besides the
    /// order (the RPC and its filter). Returns the query and the fingerprint for the next token.
    /// </summary>
    public static (CustomerQuery Query, string Fingerprint) Paging(
        FieldViolations violations, string scope, CustomerFilter? filter, string? orderBy, int pageSize, string? pageToken, Contract.CustomerView view, bool includeTotal)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var ordering = OrderBy(violations, orderBy);
        var size = violations.PageSize(pageSize);
        violations.Enum("view", view, required: false);
        var fingerprint = PageToken.FingerprintOf(scope, ordering.ToString());
        var cursor = violations.Has(FilterException.FilterParameter) || violations.Has(FilterException.OrderByParameter)
            ? null
            : Cursor(violations, pageToken, fingerprint, ordering);
        return (new CustomerQuery(filter, ordering, size, cursor, includeTotal), fingerprint);
    }

    /// <summary>
    /// The cursor of a customer page token (null for the first page), or null after adding a
    /// violation on "page_token": not a token, changed, of another request, or not of this ordering.
    /// </summary>
    public static CustomerCursor? Cursor(FieldViolations violations, string? pageToken, string fingerprint, CustomerOrdering ordering)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var token = PageToken.Decode(violations, pageToken, fingerprint);
        if (token is null)
        {
            return null;
        }

        var cursor = token is { SortKeys: { } keys, Id: { } id } ? new CustomerCursor(keys, id) : null;
        if (cursor is null || !new CustomerOrderSql(ordering).Accepts(cursor))
        {
            violations.Add("page_token", "is not a page token of a customer search with this order_by");
            return null;
        }

        return cursor;
    }

    /// <summary>The page token that continues after <paramref name="cursor"/>; empty for none.</summary>
    public static string TokenOf(CustomerCursor? cursor, string fingerprint) =>
        cursor is null ? "" : new PageToken { Fingerprint = fingerprint, SortKeys = cursor.Keys, Id = cursor.CustomerId }.Encode();
}
