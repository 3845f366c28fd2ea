using CustomerNeeds.Domain.Needs;

namespace CustomerNeeds.Domain.Tests.Needs;

public sealed class NeedPriorityTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(5, 5, 25)]
    [InlineData(5, 1, 5)]
    [InlineData(1, 5, 5)]
    [InlineData(3, 3, 9)]
    [InlineData(4, 2, 8)]
    [InlineData(2, 4, 8)]
    [InlineData(5, 4, 20)]
    [InlineData(3, 5, 15)]
    [InlineData(2, 2, 4)]
    [InlineData(4, 4, 16)]
    public void Priority_is_importance_times_urgency(int importance, int urgency, int expected) =>
        Assert.Equal(expected, NeedPriority.Compute(importance, urgency));

    [Theory]
    [InlineData(0, 3)]
    [InlineData(6, 3)]
    [InlineData(3, 0)]
    [InlineData(3, 6)]
    public void Out_of_range_factors_are_refused(int importance, int urgency) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NeedPriority.Compute(importance, urgency));

    [Fact]
    public void Order_is_priority_then_importance_then_age_then_id()
    {
        var t = Scenario.T0;
        Need N(string id, int i, int u, int minutes) => new()
        {
            Id = id, Importance = i, Urgency = u, Priority = NeedPriority.Compute(i, u), CreatedAt = t.AddMinutes(minutes),
        };

        var needs = new[]
        {
            N("a", 5, 1, 0),  // 5
            N("b", 3, 3, 5),  // 9
            N("c", 2, 4, 0),  // 8, importance 2
            N("e", 4, 2, 9),  // 8, importance 4, newer
            N("d", 4, 2, 1),  // 8, importance 4, older
            N("f", 4, 2, 1),  // 8, importance 4, same age as d: id decides
        };

        var order = NeedPriority.Order(needs).Select(n => n.Id);

        Assert.Equal(["b", "d", "f", "e", "c", "a"], order);
    }
}
