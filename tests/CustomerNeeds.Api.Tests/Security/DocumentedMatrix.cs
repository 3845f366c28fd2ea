namespace CustomerNeeds.Api.Tests.Security;

/// <summary>The matrix of docs/security.md ("The matrix"), read from the page: method -> role -> cell (yes, served, masked, no).</summary>
public static class DocumentedMatrix
{
    public static IReadOnlyList<string> Roles { get; } = ["channel", "agent", "analyst", "admin"];

    /// <summary>The cells by <c>Service/Method</c>, then by role.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Cells { get; } = Read();

    private static Dictionary<string, IReadOnlyDictionary<string, string>> Read()
    {
        var lines = File.ReadAllLines(RepositoryFile.Path("docs/security.md"));
        var header = Array.FindIndex(lines, l => l.StartsWith("| Method | Scope |", StringComparison.Ordinal));
        if (header < 0)
        {
            throw new InvalidOperationException("docs/security.md has no matrix table (\"| Method | Scope | ...\").");
        }

        var columns = Split(lines[header]);
        var cells = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        for (var i = header + 2; i < lines.Length && lines[i].StartsWith('|'); i++)
        {
            var row = Split(lines[i]);
            cells[row[0]] = Roles.ToDictionary(r => r, r => row[Array.IndexOf(columns, r)], StringComparer.Ordinal);
        }

        return cells;
    }

    private static string[] Split(string line) => line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
}
