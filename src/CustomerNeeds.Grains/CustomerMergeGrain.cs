using CustomerNeeds.Abstractions;
using CustomerNeeds.Abstractions.Errors;
using CustomerNeeds.Domain.Customers;

namespace CustomerNeeds.Grains;

/// <summary>
/// Runs merges one at a time (not reentrant): the checks on source and target cannot race another
/// merge, so no chain or cycle forms (docs/merge.md). The writes themselves go through the
/// customers' own write paths.
/// </summary>
public sealed class CustomerMergeGrain : Grain, ICustomerMergeGrain
{
    public async Task<CustomerSummary> MergeAsync(string sourceId, string targetId, string actor, CancellationToken cancellationToken = default)
    {
        if (string.Equals(sourceId, targetId, StringComparison.Ordinal))
        {
            throw new CustomerOperationException(
                CustomerErrorCode.InvalidArgument,
                "A customer cannot be merged into itself.",
                [new FieldViolation("target", "a customer cannot be merged into itself")]);
        }

        var target = await GrainFactory.GetGrain<ICustomerGrain>(targetId).GetMergeStatusAsync(cancellationToken);
        if (!target.Exists)
        {
            throw new CustomerOperationException(CustomerErrorCode.NotFound, $"Customer '{targetId}' does not exist.");
        }

        if (target.MergedInto is { } onward)
        {
            throw new CustomerOperationException(
                CustomerErrorCode.FailedPrecondition,
                $"Customer '{targetId}' was merged into '{onward}'; merge into that customer.");
        }

        var source = GrainFactory.GetGrain<ICustomerGrain>(sourceId);
        var status = await source.GetMergeStatusAsync(cancellationToken);
        if (!status.Exists)
        {
            throw new CustomerOperationException(CustomerErrorCode.NotFound, $"Customer '{sourceId}' does not exist.");
        }

        return await source.MergeIntoAsync(targetId, actor, cancellationToken);
    }
}
