using CustomerNeeds.Domain.Needs;

namespace CustomerNeeds.Domain.Tests.Needs;

public sealed class NeedLifecycleTests
{
    /// <summary>Every legal move, written out by hand.</summary>
    private static readonly HashSet<(NeedStatus, NeedStatus)> Legal =
    [
        (NeedStatus.Identified, NeedStatus.Analysed),
        (NeedStatus.Analysed, NeedStatus.Planned),
        (NeedStatus.Planned, NeedStatus.InProgress),
        (NeedStatus.InProgress, NeedStatus.Satisfied),
        (NeedStatus.Identified, NeedStatus.Rejected),
        (NeedStatus.Identified, NeedStatus.Withdrawn),
        (NeedStatus.Analysed, NeedStatus.Rejected),
        (NeedStatus.Analysed, NeedStatus.Withdrawn),
        (NeedStatus.Planned, NeedStatus.Rejected),
        (NeedStatus.Planned, NeedStatus.Withdrawn),
        (NeedStatus.InProgress, NeedStatus.Rejected),
        (NeedStatus.InProgress, NeedStatus.Withdrawn),
    ];

    public static TheoryData<NeedStatus, NeedStatus, bool> Matrix()
    {
        var data = new TheoryData<NeedStatus, NeedStatus, bool>();
        foreach (var from in Enum.GetValues<NeedStatus>())
        {
            foreach (var to in Enum.GetValues<NeedStatus>())
            {
                data.Add(from, to, Legal.Contains((from, to)));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Move_matrix(NeedStatus from, NeedStatus to, bool legal) =>
        Assert.Equal(legal, NeedLifecycle.CanMove(from, to));

    [Fact]
    public void The_matrix_has_64_cells_and_12_legal_moves()
    {
        Assert.Equal(64, Matrix().Count());
        Assert.Equal(12, Enum.GetValues<NeedStatus>().Sum(f => NeedLifecycle.NextStatuses(f).Count));
    }

    [Theory]
    [InlineData(NeedStatus.Unspecified, false, false)]
    [InlineData(NeedStatus.Identified, true, false)]
    [InlineData(NeedStatus.Analysed, true, false)]
    [InlineData(NeedStatus.Planned, true, false)]
    [InlineData(NeedStatus.InProgress, true, false)]
    [InlineData(NeedStatus.Satisfied, false, true)]
    [InlineData(NeedStatus.Rejected, false, true)]
    [InlineData(NeedStatus.Withdrawn, false, true)]
    public void Open_and_final(NeedStatus status, bool open, bool final)
    {
        Assert.Equal(open, NeedLifecycle.IsOpen(status));
        Assert.Equal(final, NeedLifecycle.IsFinal(status));
    }
}
