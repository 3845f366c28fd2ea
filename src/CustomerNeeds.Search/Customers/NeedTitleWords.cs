namespace CustomerNeeds.Search.Customers;

/// <summary>
/// Holds when at least one of the customer's needs has every one of the words in its title,
/// as whole words, ignoring case: <c>needs.title:"fast delivery"</c>. A word is a run of
/// letters and digits; <see cref="Words"/> are lower case (invariant), distinct, in the
/// order written.
/// </summary>
public sealed record NeedTitleWords(CustomerField Field, IReadOnlyList<string> Words) : CustomerFilter
{
    public override string ToString() => Field.Name + ":" + FilterLiteral.Quote(string.Join(' ', Words));
}
