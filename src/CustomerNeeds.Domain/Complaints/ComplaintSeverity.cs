namespace CustomerNeeds.Domain.Complaints;

/// <summary>Severity of a complaint (numbers as in complaint.proto).</summary>
public enum ComplaintSeverity
{
    /// <summary>Not set; a complaint interaction without severity opens a Medium case.</summary>
    Unspecified = 0,
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}
