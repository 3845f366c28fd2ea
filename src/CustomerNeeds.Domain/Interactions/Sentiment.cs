namespace CustomerNeeds.Domain.Interactions;

/// <summary>The customer's mood in the contact, as judged by the agent or a system.</summary>
public enum Sentiment
{
    /// <summary>Not judged.</summary>
    Unspecified = 0,
    Negative = 1,
    Neutral = 2,
    Positive = 3,
}
