using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Errors;

namespace CustomerNeeds.Domain;

/// <summary>Checks shared by the decisions.</summary>
internal static class DecisionGuards
{
    public const int MaxActorLength = 200;
    public const int MaxReasonLength = 1000;
    public const int MaxTextLength = 4000;

    public static void RequireExists(CustomerState state)
    {
        if (!state.Exists)
        {
            throw new CustomerNotFoundException(state.Id);
        }
    }

    /// <summary>A null or empty expected etag means an unconditional change.</summary>
    public static void RequireEtag(string? expected, string current)
    {
        if (!string.IsNullOrEmpty(expected) && !string.Equals(expected, current, StringComparison.Ordinal))
        {
            throw new EtagMismatchException(expected, current);
        }
    }
}
