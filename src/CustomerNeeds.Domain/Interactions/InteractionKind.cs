namespace CustomerNeeds.Domain.Interactions;

/// <summary>What a contact was about.</summary>
public enum InteractionKind
{
    /// <summary>Not set; rejected on input.</summary>
    Unspecified = 0,
    Inquiry = 1,
    ServiceRequest = 2,

    /// <summary>An order / purchase: counts for frequency and (with an amount) spend.</summary>
    Purchase = 3,

    /// <summary>Opens a complaint case.</summary>
    Complaint = 4,
    Suggestion = 5,
    Feedback = 6,
    SurveyResponse = 7,

    /// <summary>A follow-up call (callback).</summary>
    FollowUpCall = 8,
    MarketingTouch = 9,

    /// <summary>The customer referred someone (name them in ReferredCustomerId).</summary>
    Referral = 10,
}
