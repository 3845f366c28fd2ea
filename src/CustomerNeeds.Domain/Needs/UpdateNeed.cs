namespace CustomerNeeds.Domain.Needs;

/// <summary>
/// Change a need: the fields named by <paramref name="FieldPaths"/> (see
/// <see cref="NeedFieldPaths"/>; empty = all, with status only when set) are taken from
/// <paramref name="Values"/>. A status change must be legal in <see cref="NeedLifecycle"/>.
/// A non-empty <paramref name="ExpectedEtag"/> must equal the need's etag.
/// </summary>
public sealed record UpdateNeed(
    string NeedId,
    NeedFields Values,
    IReadOnlyList<string> FieldPaths,
    string Actor,
    string Reason,
    string? ExpectedEtag);
