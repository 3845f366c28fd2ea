using CustomerNeeds.Domain.Loyalty;

namespace CustomerNeeds.Domain.Tests.Loyalty;

public sealed class RfmValuesTests
{
    [Theory]
    [InlineData("", 365, null, 0, "0")]
    [InlineData("0:100", 365, 0, 1, "100")]
    [InlineData("10:100,20:50.5", 365, 10, 2, "150.5")]
    [InlineData("10:100,364:50", 365, 10, 2, "150")]
    [InlineData("10:100,365:50", 365, 10, 1, "100")]
    [InlineData("29:10,30:20", 30, 29, 1, "10")]
    [InlineData("400:10", 365, 400, 0, "0")]
    [InlineData("5:10,5:15", 365, 5, 2, "25")]
    [InlineData("0:1,1:1,2:1", 1, 0, 1, "1")]
    public void Raw_values(string purchases, int window, int? recency, int frequency, string monetary)
    {
        var state = States.Existing().WithPurchases(purchases, States.Now);
        var rfm = RfmValues.Compute(state, States.Now, window, "EUR");

        Assert.Equal(recency, rfm.RecencyDays);
        Assert.Equal(frequency, rfm.Frequency);
        Assert.Equal(decimal.Parse(monetary, System.Globalization.CultureInfo.InvariantCulture), rfm.Monetary);
        Assert.Equal((window, "EUR"), (rfm.WindowDays, rfm.CurrencyCode));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(23, 0)]
    [InlineData(24, 1)]
    [InlineData(47, 1)]
    [InlineData(48, 2)]
    [InlineData(-5, 0)]
    public void Recency_is_whole_days_rounded_down(int hoursAgo, int days) =>
        Assert.Equal(days, RfmValues.DaysSince(States.Now.AddHours(-hoursAgo), States.Now));
}
