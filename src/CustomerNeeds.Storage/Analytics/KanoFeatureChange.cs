namespace CustomerNeeds.Storage.Analytics;

/// <summary>How a change of a questionnaire feature ended.</summary>
public enum KanoFeatureChange
{
    /// <summary>Done.</summary>
    Done = 0,

    /// <summary>No feature with that id.</summary>
    NotFound = 1,

    /// <summary>Create: a feature with that id exists.</summary>
    AlreadyExists = 2,

    /// <summary>Update or delete: the expected etag is not the current one.</summary>
    EtagMismatch = 3,

    /// <summary>Delete: customers have answered the feature.</summary>
    Answered = 4,
}
