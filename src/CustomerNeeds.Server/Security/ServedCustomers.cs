using CustomerNeeds.Abstractions;
using CustomerNeeds.Abstractions.Errors;
using Grpc.Core;

namespace CustomerNeeds.Server.Security;

/// <summary>
/// Object-level authorization of channel keys (docs/security.md, "Served only"): a key of system S may
/// read a customer only if the customer has an external id under S. Any other customer, existing or not,
/// is PERMISSION_DENIED, so that a key cannot learn which ids exist.
/// </summary>
public sealed class ServedCustomers(IGrainFactory grains)
{
    /// <summary>Throws PERMISSION_DENIED unless <paramref name="caller"/>'s system serves the customer of <paramref name="resource"/>.</summary>
    public async Task DemandAsync(Caller caller, string resource, CancellationToken cancellationToken)
    {
        var customerId = RequestResource.CustomerIdOf(resource);
        if (caller.System is { Length: > 0 } system && customerId is not null && await ServesAsync(system, customerId, cancellationToken))
        {
            return;
        }

        throw new RpcException(new Status(StatusCode.PermissionDenied,
            $"The caller ({caller.Id}) may read only customers of its system \"{caller.System}\": customers with an external id under that key."));
    }

    private async Task<bool> ServesAsync(string system, string customerId, CancellationToken cancellationToken)
    {
        try
        {
            var customer = await grains.GetGrain<ICustomerGrain>(customerId).GetAsync(cancellationToken);
            return customer.Profile.ContactPoints.ExternalIds.ContainsKey(system);
        }
        catch (CustomerOperationException e) when (e.Code is CustomerErrorCode.NotFound or CustomerErrorCode.InvalidArgument or CustomerErrorCode.FailedPrecondition)
        {
            return false;
        }
    }
}
