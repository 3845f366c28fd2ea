namespace CustomerNeeds.Storage.ReadModel;

/// <summary>A piece of SQL and the parameters its placeholders (<c>$1</c>, ...) stand for.</summary>
/// <param name="Text">SQL text; values appear only as placeholders.</param>
/// <param name="Parameters">The values, in placeholder order.</param>
public sealed record SqlFragment(string Text, SqlParameters Parameters);
