namespace CustomerNeeds.Search.Syntax;

/// <summary>A field path: names separated by dots, e.g. <c>needs.type</c> or <c>attributes.region_code</c>.</summary>
public sealed record MemberSyntax(IReadOnlyList<MemberSegment> Segments)
{
    /// <summary>0-based offset of the first name.</summary>
    public int Position => Segments[0].Position;

    /// <summary>The path with its segments joined by dots, unquoted.</summary>
    public string Path => string.Join('.', Segments.Select(s => s.Name));

    public override string ToString() => string.Join('.', Segments);
}
