using CustomerNeeds.Abstractions;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Grains.Watching;
using CustomerNeeds.Search;
using CustomerNeeds.Search.Customers;
using CustomerNeeds.Server.Hosting;
using CustomerNeeds.Server.Mapping;
using CustomerNeeds.Server.Services.Search;
using CustomerNeeds.Server.Validation;
using CustomerNeeds.Storage.ReadModel;
using Grpc.Core;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Services;

/// <summary>CustomerService: validate, map, call the customer grain (or, for ListCustomers, the read model), map back.</summary>
public sealed class CustomerApi(
    IGrainFactory grains, CustomerPolicy policy, TimeProvider time, ReadModelStorage readModel, CustomerFilterChecker checker, CustomerPageReader pages,
    CustomerWatching watching, ServerDrain drain)
    : Contract.CustomerService.CustomerServiceBase
{
    public override async Task<Contract.Customer> CreateCustomer(Contract.CreateCustomerRequest request, ServerCallContext context)
    {
        var v = new FieldViolations(policy, time);
        CustomerValidation.CheckCreate(v, request);
        v.ThrowIfAny("CreateCustomer");

        var profile = CustomerMapper.ToProfile(request.Customer);
        var summary = await grains.GetGrain<ICustomerGrain>(request.CustomerId).CreateAsync(profile, context.CancellationToken);
        return CustomerMapper.ToProto(summary);
    }

    public override async Task<Contract.Customer> GetCustomer(Contract.GetCustomerRequest request, ServerCallContext context)
    {
        var v = new FieldViolations(policy, time);
        var customerId = ResourceName.Customer(v, "name", request.Name);
        v.ThrowIfAny("GetCustomer");

        var summary = await grains.GetGrain<ICustomerGrain>(customerId).GetAsync(context.CancellationToken);
        return CustomerMapper.ToProto(summary);
    }

    public override async Task<Contract.Customer> UpdateCustomer(Contract.UpdateCustomerRequest request, ServerCallContext context)
    {
        var v = new FieldViolations(policy, time);
        var (customerId, paths) = CustomerValidation.CheckUpdate(v, request);
        v.ThrowIfAny("UpdateCustomer");

        var command = new UpdateProfile(
            CustomerMapper.ToProfile(request.Customer, paths),
            CustomerMapper.ToFieldPaths(paths),
            request.Customer.Etag.Length > 0 ? request.Customer.Etag : null);
        var summary = await grains.GetGrain<ICustomerGrain>(customerId).UpdateProfileAsync(command, context.CancellationToken);
        return CustomerMapper.ToProto(summary);
    }

    public override async Task<Contract.ListCustomersResponse> ListCustomers(Contract.ListCustomersRequest request, ServerCallContext context)
    {
        var search = new PostgresCustomerSearch(readModel.Require("ListCustomers"));
        var v = new FieldViolations(policy, time);
        var filter = SearchValidation.Filter(v, checker, FilterException.FilterParameter, request.Filter);
        var (query, fingerprint) = SearchValidation.Paging(
            v, "ListCustomers\u001f" + filter, filter, request.OrderBy, request.PageSize, request.PageToken, request.View, request.IncludeTotalSize);
        v.ThrowIfAny("ListCustomers");

        return await pages.ReadAsync<Contract.ListCustomersResponse>(search, query, request.View, fingerprint, context.CancellationToken);
    }

    public override async Task WatchCustomer(
        Contract.WatchCustomerRequest request, IServerStreamWriter<Contract.WatchCustomerResponse> responseStream, ServerCallContext context)
    {
        var v = new FieldViolations(policy, time);
        var customerId = ResourceName.Customer(v, "name", request.Name);
        if (request.HasAfterSequence && request.AfterSequence < 0)
        {
            v.Add("after_sequence", $"must not be negative (is {request.AfterSequence}).");
        }

        v.ThrowIfAny("WatchCustomer");
        await CustomerWatchCall.RunAsync(
            watching, customerId, request.HasAfterSequence ? request.AfterSequence : null, v, responseStream, drain.Closing, context.CancellationToken);
    }

    public override async Task<Contract.Customer> MergeCustomers(Contract.MergeCustomersRequest request, ServerCallContext context)
    {
        var v = new FieldViolations(policy, time);
        var (sourceId, targetId) = MergeValidation.CheckMerge(v, request);
        v.ThrowIfAny("MergeCustomers");

        var summary = await grains.GetGrain<ICustomerMergeGrain>(ICustomerMergeGrain.Key)
            .MergeAsync(sourceId, targetId, request.Actor, context.CancellationToken);
        return CustomerMapper.ToProto(summary);
    }

    public override async Task<Contract.ListDuplicateCandidatesResponse> ListDuplicateCandidates(Contract.ListDuplicateCandidatesRequest request, ServerCallContext context)
    {
        var candidates = new DuplicateCandidates(readModel.Require("ListDuplicateCandidates"));
        var v = new FieldViolations(policy, time);
        var pageSize = v.PageSize(request.PageSize);
        const string fingerprint = "ListDuplicateCandidates";
        var token = PageToken.Decode(v, request.PageToken, PageToken.FingerprintOf(fingerprint));
        if (token is not null && token.Id is null)
        {
            v.Add("page_token", "is not a page token of ListDuplicateCandidates");
        }

        v.ThrowIfAny("ListDuplicateCandidates");

        var page = await candidates.ListAsync(token?.Id, pageSize, context.CancellationToken);
        var response = new Contract.ListDuplicateCandidatesResponse
        {
            NextPageToken = page.NextAfterKey is { } last
                ? new PageToken { Fingerprint = PageToken.FingerprintOf(fingerprint), Id = last }.Encode()
                : "",
        };
        response.Groups.AddRange(page.Groups.Select(MergeMapper.ToProto));
        return response;
    }
}
