namespace CustomerNeeds.Search.Values;

/// <summary>A non-empty string, compared exactly (case-sensitive).</summary>
public sealed record TextValue(string Text) : FieldValue
{
    public override string ToString() => FilterLiteral.Quote(Text);
}
