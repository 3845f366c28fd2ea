namespace CustomerNeeds.Domain.Needs;

/// <summary>The research method a need was found with (numbers as in need.proto).</summary>
public enum ResearchMethod
{
    /// <summary>Not set.</summary>
    Unspecified = 0,
    Survey = 1,
    InDepthInterview = 2,
    FocusGroup = 3,
    FieldObservation = 4,
    UserTest = 5,
    SocialListening = 6,
    BehaviouralData = 7,
    Complaint = 8,
}
