using CustomerNeeds.Abstractions;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Server.Mapping;
using CustomerNeeds.Server.Validation;
using Grpc.Core;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Services;

/// <summary>CustomerService: validate, map, call the customer grain, map back.</summary>
public sealed class CustomerApi(IGrainFactory grains, CustomerPolicy policy, TimeProvider time) : Contract.CustomerService.CustomerServiceBase
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
}
