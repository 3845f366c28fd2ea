namespace CustomerNeeds.Storage.Analytics;

/// <summary>A row of <c>kano_staff_beliefs</c>: the answer pair a staff member expects customers to give for a feature, and its class (enum numbers).</summary>
public sealed record KanoStaffBeliefRow(string FeatureId, string StaffId, short Functional, short Dysfunctional, short AnswerClass, DateTimeOffset RecordedAt);
