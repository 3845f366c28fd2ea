using CustomerNeeds.Domain.Needs;

namespace CustomerNeeds.Domain.Tests.Needs;

public sealed class TitleWordsTests
{
    [Theory]
    [InlineData("Fast delivery", new[] { "fast", "delivery" })]
    [InlineData("Delivery must be FAST, fast!", new[] { "delivery", "must", "be", "fast" })]
    [InlineData("24/7 support-line (v2)", new[] { "24", "7", "support", "line", "v2" })]
    [InlineData("Größere Öffnungszeiten", new[] { "größere", "öffnungszeiten" })]
    [InlineData("ISTANBUL office", new[] { "istanbul", "office" })]
    [InlineData("snake_case words", new[] { "snake", "case", "words" })]
    [InlineData("  ...  ", new string[0])]
    [InlineData("", new string[0])]
    public void WordsAreRunsOfLettersAndDigitsLowerCasedDistinctInOrder(string title, string[] expected) =>
        Assert.Equal(expected, TitleWords.Of(title));
}
