namespace CustomerNeeds.Domain.Interactions;

/// <summary>The channel of a contact.</summary>
public enum Channel
{
    /// <summary>Not set; rejected on input.</summary>
    Unspecified = 0,
    Phone = 1,
    Email = 2,
    Chat = 3,
    WebForm = 4,
    MobileApp = 5,
    SocialMedia = 6,
    InStore = 7,
    FieldVisit = 8,
    Survey = 9,
    Letter = 10,
}
