namespace CustomerNeeds.Domain.Needs;

/// <summary>The snake_case field paths of a need accepted in an update mask.</summary>
public static class NeedFieldPaths
{
    public const string Title = "title";
    public const string Description = "description";
    public const string Type = "type";
    public const string Area = "area";
    public const string KanoClass = "kano_class";
    public const string Importance = "importance";
    public const string Urgency = "urgency";
    public const string Source = "source";
    public const string Status = "status";
    public const string MaslowLevel = "maslow_level";

    /// <summary>Every accepted path, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Title, Description, Type, Area, KanoClass, Importance, Urgency, Source, Status, MaslowLevel];

    /// <summary>True when <paramref name="path"/> is an accepted mask path.</summary>
    public static bool IsKnown(string path) => All.Contains(path, StringComparer.Ordinal);
}
