namespace CustomerNeeds.Storage.Segments;

/// <summary>What became of a segment update or delete.</summary>
public enum SegmentWriteOutcome
{
    /// <summary>Done.</summary>
    Done,

    /// <summary>No segment with this id; nothing changed.</summary>
    NotFound,

    /// <summary>The segment's etag is not the expected one; nothing changed.</summary>
    EtagMismatch,
}
