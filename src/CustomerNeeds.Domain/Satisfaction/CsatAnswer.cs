namespace CustomerNeeds.Domain.Satisfaction;

/// <summary>One CSAT score with the time of the contact it was given in.</summary>
public sealed record CsatAnswer(int Score, DateTimeOffset At);
