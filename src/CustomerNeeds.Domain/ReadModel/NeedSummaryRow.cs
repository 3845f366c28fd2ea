namespace CustomerNeeds.Domain.ReadModel;

/// <summary>One row of <c>customer_summary_needs</c>: a need as the customer search filters it.</summary>
/// <param name="NeedId">need_id.</param>
/// <param name="Type">type (<c>NeedType</c>).</param>
/// <param name="Area">area (<c>NeedArea</c>).</param>
/// <param name="KanoClass">kano_class (<c>KanoClass</c>; 0 = not classified).</param>
/// <param name="Status">status (<c>NeedStatus</c>).</param>
/// <param name="Title">title.</param>
/// <param name="TitleWords">title_words: <see cref="Needs.TitleWords.Of"/> of the title.</param>
/// <param name="LastSequence">last_sequence: the log sequence of the need's latest change.</param>
public sealed record NeedSummaryRow(
    string NeedId,
    short Type,
    short Area,
    short KanoClass,
    short Status,
    string Title,
    IReadOnlyList<string> TitleWords,
    long LastSequence);
