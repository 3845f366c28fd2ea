namespace CustomerNeeds.Storage.Loyalty;

/// <summary>A customer whose loyalty review is due: its summary row's key, next_review_at and last_sequence.</summary>
public sealed record DueReview(string CustomerId, DateTimeOffset NextReviewAt, long LastSequence);
