using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Validation;

/// <summary>Checks of the merge RPCs (docs/merge.md).</summary>
public static class MergeValidation
{
    /// <summary>Most characters of a merge's actor.</summary>
    public const int MaxActorLength = 200;

    /// <summary>The source and target ids of a MergeCustomersRequest (empty when invalid).</summary>
    public static (string SourceId, string TargetId) CheckMerge(FieldViolations v, Contract.MergeCustomersRequest request)
    {
        var source = ResourceName.Customer(v, "source", request.Source);
        var target = ResourceName.Customer(v, "target", request.Target);
        if (source.Length > 0 && string.Equals(source, target, StringComparison.Ordinal))
        {
            v.Add("target", "a customer cannot be merged into itself");
        }

        if (request.Actor.Length > MaxActorLength)
        {
            v.Add("actor", $"at most {MaxActorLength} characters");
        }

        return (source, target);
    }
}
