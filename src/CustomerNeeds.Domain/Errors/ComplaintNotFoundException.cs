namespace CustomerNeeds.Domain.Errors;

/// <summary>The customer has no complaint with this id (NOT_FOUND).</summary>
public sealed class ComplaintNotFoundException(string complaintId)
    : DomainException(DomainErrorKind.NotFound, $"Complaint '{complaintId}' does not exist.")
{
    /// <summary>The complaint id asked for.</summary>
    public string ComplaintId { get; } = complaintId;
}
