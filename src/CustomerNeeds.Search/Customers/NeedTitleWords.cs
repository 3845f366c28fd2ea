namespace CustomerNeeds.Search.Customers;

/// <summary>
/// Holds when at least one of the customer's needs has every one of the words in its title,
/// as whole words, ignoring case: <c>needs.title:"fast delivery"</c>. <see cref="Words"/> are
/// <see cref="Domain.Needs.TitleWords.Of"/> of the value (runs of letters and digits, lower case
/// (invariant), distinct, in the order written): the rule that splits the stored titles too.
/// </summary>
public sealed record NeedTitleWords(CustomerField Field, IReadOnlyList<string> Words) : CustomerFilter
{
    public override string ToString() => Field.Name + ":" + FilterLiteral.Quote(string.Join(' ', Words));
}
