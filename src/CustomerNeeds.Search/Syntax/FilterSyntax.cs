namespace CustomerNeeds.Search.Syntax;

/// <summary>
/// A node of a parsed filter, before any field is looked up (AIP-160 grammar only).
/// <see cref="object.ToString"/> gives a canonical, fully parenthesised form.
/// </summary>
/// <param name="Position">0-based offset where the node starts in the filter text.</param>
public abstract record FilterSyntax(int Position);
