using CustomerNeeds.Abstractions;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Server.Auditing;
using CustomerNeeds.Server.Mapping;
using CustomerNeeds.Server.Security;
using CustomerNeeds.Server.Validation;
using Grpc.Core;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Services;

/// <summary>PrivacyService.EraseCustomer (docs/privacy.md, Erasure).</summary>
public sealed partial class PrivacyApi
{
    /// <summary>Longest erasure reason, in characters.</summary>
    public const int MaxErasureReasonLength = 256;

    public override async Task<Contract.EraseCustomerResponse> EraseCustomer(Contract.EraseCustomerRequest request, ServerCallContext context)
    {
        var v = new FieldViolations(Services.GetRequiredService<CustomerPolicy>(), Services.GetRequiredService<TimeProvider>());
        var customerId = ResourceName.Customer(v, "name", request.Name);
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            v.Add("reason", "is required");
        }
        else if (request.Reason.Length > MaxErasureReasonLength)
        {
            v.Add("reason", $"must be at most {MaxErasureReasonLength} characters (is {request.Reason.Length})");
        }

        v.ThrowIfAny("EraseCustomer");

        // The reason goes to the audit event of this call, never to the customer's data.
        AuditDetail.Set(context, request.Reason);
        var erased = await Grains.GetGrain<ICustomerGrain>(customerId).EraseAsync(context.GetCaller().Id, context.CancellationToken);
        return new Contract.EraseCustomerResponse
        {
            CustomerHash = erased.CustomerHash,
            EraseTime = TimeMapper.ToProto(erased.ErasedAt),
            ErasedBy = erased.ErasedBy,
            ErasedCustomerCount = erased.ErasedCustomerCount,
        };
    }
}
