using CustomerNeeds.Domain.Complaints;

namespace CustomerNeeds.Domain.Tests.Complaints;

public sealed class ComplaintWorkflowTests
{
    private static readonly HashSet<(ComplaintStatus, ComplaintStatus)> Legal =
    [
        (ComplaintStatus.Recorded, ComplaintStatus.Accepted),
        (ComplaintStatus.Accepted, ComplaintStatus.Analysed),
        (ComplaintStatus.Analysed, ComplaintStatus.BeingHandled),
        (ComplaintStatus.BeingHandled, ComplaintStatus.Resolved),
        (ComplaintStatus.Resolved, ComplaintStatus.FollowUpDone),
        (ComplaintStatus.FollowUpDone, ComplaintStatus.Closed),
        (ComplaintStatus.Resolved, ComplaintStatus.BeingHandled),
        (ComplaintStatus.FollowUpDone, ComplaintStatus.BeingHandled),
        (ComplaintStatus.Closed, ComplaintStatus.BeingHandled),
    ];

    public static TheoryData<ComplaintStatus, ComplaintStatus, bool> Matrix()
    {
        var data = new TheoryData<ComplaintStatus, ComplaintStatus, bool>();
        foreach (var from in Enum.GetValues<ComplaintStatus>())
        {
            foreach (var to in Enum.GetValues<ComplaintStatus>())
            {
                data.Add(from, to, Legal.Contains((from, to)));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Move_matrix(ComplaintStatus from, ComplaintStatus to, bool legal) =>
        Assert.Equal(legal, ComplaintWorkflow.CanMove(from, to));

    [Theory]
    [InlineData(ComplaintStatus.Resolved, ComplaintStatus.BeingHandled, true)]
    [InlineData(ComplaintStatus.FollowUpDone, ComplaintStatus.BeingHandled, true)]
    [InlineData(ComplaintStatus.Closed, ComplaintStatus.BeingHandled, true)]
    [InlineData(ComplaintStatus.Analysed, ComplaintStatus.BeingHandled, false)]
    [InlineData(ComplaintStatus.Closed, ComplaintStatus.Recorded, false)]
    [InlineData(ComplaintStatus.Resolved, ComplaintStatus.Analysed, false)]
    public void Reopen_is_back_to_being_handled_from_resolved_follow_up_or_closed(ComplaintStatus from, ComplaintStatus to, bool reopen) =>
        Assert.Equal(reopen, ComplaintWorkflow.IsReopen(from, to));

    [Theory]
    [InlineData(ComplaintStatus.Unspecified, false)]
    [InlineData(ComplaintStatus.Recorded, true)]
    [InlineData(ComplaintStatus.Accepted, true)]
    [InlineData(ComplaintStatus.Analysed, true)]
    [InlineData(ComplaintStatus.BeingHandled, true)]
    [InlineData(ComplaintStatus.Resolved, true)]
    [InlineData(ComplaintStatus.FollowUpDone, true)]
    [InlineData(ComplaintStatus.Closed, false)]
    public void Escalation_is_allowed_while_not_closed(ComplaintStatus resulting, bool allowed) =>
        Assert.Equal(allowed, ComplaintWorkflow.CanEscalate(resulting));

    [Theory]
    [InlineData(ComplaintSeverity.Critical, 1, 24)]
    [InlineData(ComplaintSeverity.High, 4, 72)]
    [InlineData(ComplaintSeverity.Medium, 24, 168)]
    [InlineData(ComplaintSeverity.Low, 72, 336)]
    [InlineData(ComplaintSeverity.Unspecified, 24, 168)]
    public void Default_deadlines_by_severity(ComplaintSeverity severity, int responseHours, int resolutionHours)
    {
        var opened = Scenario.T0;
        var levels = ComplaintServiceLevels.Default;

        Assert.Equal(opened.AddHours(responseHours), ComplaintWorkflow.ResponseDeadline(opened, severity, levels));
        Assert.Equal(opened.AddHours(resolutionHours), ComplaintWorkflow.ResolutionDeadline(opened, severity, levels));
    }

    [Fact]
    public void Service_levels_and_follow_up_delay_are_configurable()
    {
        var levels = ComplaintServiceLevels.Default with
        {
            ResponseCritical = TimeSpan.FromMinutes(15),
            ResolutionLow = TimeSpan.FromDays(30),
            FollowUpDelay = TimeSpan.FromDays(1),
        };

        Assert.Equal(Scenario.T0.AddMinutes(15), ComplaintWorkflow.ResponseDeadline(Scenario.T0, ComplaintSeverity.Critical, levels));
        Assert.Equal(Scenario.T0.AddDays(30), ComplaintWorkflow.ResolutionDeadline(Scenario.T0, ComplaintSeverity.Low, levels));
        Assert.Equal(Scenario.T0.AddDays(1), ComplaintWorkflow.FollowUpDue(Scenario.T0, levels));
        Assert.Equal(Scenario.T0.AddDays(3), ComplaintWorkflow.FollowUpDue(Scenario.T0, ComplaintServiceLevels.Default));
    }
}
