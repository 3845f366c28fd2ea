using CustomerNeeds.Abstractions.Customers;
using CustomerNeeds.Domain.Complaints;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Interactions;
using CustomerNeeds.Domain.Loyalty;
using CustomerNeeds.Domain.Needs;

namespace CustomerNeeds.Abstractions;

/// <summary>
/// One customer: the only way to read or change its state. Keyed by the caller's customer id.
/// Every mutation returns only after its events are committed in the customer's log.
/// Refusals are thrown as <see cref="Errors.CustomerOperationException"/>.
/// </summary>
[Alias("customerneeds.ICustomerGrain")]
public partial interface ICustomerGrain : IGrainWithStringKey
{
    /// <summary>Creates the customer; AlreadyExists when it exists.</summary>
    [Alias("Create")]
    Task<CustomerSummary> CreateAsync(CustomerProfile profile, CancellationToken cancellationToken = default);

    /// <summary>The customer's current summary; NotFound when it does not exist.</summary>
    [Alias("Get")]
    Task<CustomerSummary> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Changes the profile fields named in the command; Aborted on a stale etag.</summary>
    [Alias("UpdateProfile")]
    Task<CustomerSummary> UpdateProfileAsync(UpdateProfile command, CancellationToken cancellationToken = default);

    /// <summary>Adds a need.</summary>
    [Alias("CreateNeed")]
    Task<Need> CreateNeedAsync(CreateNeed command, CancellationToken cancellationToken = default);

    /// <summary>One need.</summary>
    [Alias("GetNeed")]
    Task<Need> GetNeedAsync(string needId, CancellationToken cancellationToken = default);

    /// <summary>A page of needs, highest priority first.</summary>
    [Alias("ListNeeds")]
    Task<NeedPage> ListNeedsAsync(NeedQuery query, CancellationToken cancellationToken = default);

    /// <summary>Changes a need; status changes follow the need lifecycle.</summary>
    [Alias("UpdateNeed")]
    Task<Need> UpdateNeedAsync(UpdateNeed command, CancellationToken cancellationToken = default);

    /// <summary>Records an interaction once per interaction id; a same-content retry returns the stored result.</summary>
    [Alias("RecordInteraction")]
    Task<RecordedInteraction> RecordInteractionAsync(Interaction interaction, CancellationToken cancellationToken = default);

    /// <summary>One stored interaction from the whole history.</summary>
    [Alias("GetInteraction")]
    Task<RecordedInteraction> GetInteractionAsync(string interactionId, CancellationToken cancellationToken = default);

    /// <summary>A page of the whole interaction history, newest first.</summary>
    [Alias("ListInteractions")]
    Task<InteractionPage> ListInteractionsAsync(InteractionQuery query, CancellationToken cancellationToken = default);

    /// <summary>One complaint case, open or closed.</summary>
    [Alias("GetComplaint")]
    Task<ComplaintCase> GetComplaintAsync(string complaintId, CancellationToken cancellationToken = default);

    /// <summary>A page of complaint cases.</summary>
    [Alias("ListComplaints")]
    Task<ComplaintPage> ListComplaintsAsync(ComplaintQuery query, CancellationToken cancellationToken = default);

    /// <summary>Moves a complaint through its workflow (incl. escalate and reopen).</summary>
    [Alias("TransitionComplaint")]
    Task<ComplaintCase> TransitionComplaintAsync(TransitionComplaint command, CancellationToken cancellationToken = default);

    /// <summary>The loyalty assessment now: tier, history, ladder stage, RFM, churn risk.</summary>
    [Alias("GetLoyalty")]
    Task<LoyaltyAssessment> GetLoyaltyAsync(CancellationToken cancellationToken = default);

    /// <summary>Sets or clears the manual tier floor.</summary>
    [Alias("SetTierFloor")]
    Task<LoyaltyAssessment> SetTierFloorAsync(SetTierFloor command, CancellationToken cancellationToken = default);
}
