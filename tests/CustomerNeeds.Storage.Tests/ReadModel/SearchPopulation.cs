using CustomerNeeds.Search.Customers;
using CustomerNeeds.Testing.ReadModel;
using Npgsql;

namespace CustomerNeeds.Storage.Tests.ReadModel;

/// <summary>
/// A migrated database holding five customers a to e whose summary rows are written with SQL and
/// cover every filter field, with and without values. Expected results in the tests are worked
/// out by hand from the table below.
/// </summary>
public sealed class SearchPopulation : IAsyncLifetime
{
    /// <summary>The tier policy of the tests, lowest first.</summary>
    public static readonly string[] Tiers = ["bronze", "silver", "gold", "platinum"];

    private static readonly DateTime Jan = Utc(2024, 1, 1);

    public MigratedDatabase Database { get; } = new();

    public NpgsqlDataSource DataSource => Database.DataSource;

    public CustomerFilterChecker Checker { get; } = new(CustomerFieldCatalog.Create(Tiers));

    /// <summary>The ids of the five customers, keyed by their letter.</summary>
    public IReadOnlyDictionary<string, string> Ids { get; } =
        new[] { "a", "b", "c", "d", "e" }.ToDictionary(l => l, l => "pop-" + l);

    public static DateTime Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        SummarySeed[] rows =
        [
            new(Ids["a"])
            {
                DisplayName = "Alpha", Kind = 3, ValueTypes = [1, 2], RelationshipMode = 2, Industry = "retail", Region = "CH-ZH",
                Tags = ["vip", "key-account"], Attributes = new() { ["segment"] = "b2b", ["source"] = "fair" }, Tier = "gold",
                LadderStage = 4, ChurnRiskScore = 0.8, ChurnRiskLevel = 3, CsatMean = 2.5, CsatCount = 4, NpsScore = -50, LastNps = 3,
                OpenComplaintCount = 2, LastInteractionAt = Utc(2024, 3, 1), CreatedAt = Jan, UpdatedAt = Utc(2024, 6, 10),
                Needs =
                [
                    new("n-1", Type: 2, Area: 4, KanoClass: 1, Status: 3, "Fast delivery to the door"),
                    new("n-2", Type: 1, Area: 3, KanoClass: 0, Status: 5, "Lower price"),
                ],
            },
            new(Ids["b"])
            {
                DisplayName = "Bravo", Kind = 1, ValueTypes = [3], RelationshipMode = 1, Industry = "finance", Tags = ["vip"],
                Attributes = new() { ["segment"] = "b2c" }, Tier = "silver", LadderStage = 2, ChurnRiskScore = 0.2, ChurnRiskLevel = 1,
                CsatMean = 4.5, CsatCount = 2, NpsScore = 100, LastNps = 10, LastInteractionAt = Utc(2024, 5, 1),
                CreatedAt = Utc(2024, 2, 1), UpdatedAt = Utc(2024, 5, 1),
                Needs = [new("n-1", Type: 3, Area: 1, KanoClass: 3, Status: 1, "Delivery must be FAST!")],
            },
            new(Ids["c"])
            {
                DisplayName = "Alpha", Kind = 3, Region = "EMEA", LadderStage = 1, ChurnRiskScore = 0.5, ChurnRiskLevel = 2,
                CreatedAt = Utc(2024, 3, 1), UpdatedAt = Utc(2024, 3, 1),
            },
            new(Ids["d"])
            {
                DisplayName = "Charlie", Kind = 2, ValueTypes = [1], RelationshipMode = 2, Industry = "retail", Region = "CH-ZH",
                Tags = ["key-account"], Attributes = new() { ["source"] = "web" }, Tier = "platinum", LadderStage = 7,
                ChurnRiskScore = 0.05, ChurnRiskLevel = 1, CsatMean = 3, CsatCount = 1, NpsScore = 0, LastNps = 8, OpenComplaintCount = 1,
                LastInteractionAt = Utc(2024, 4, 1), CreatedAt = Utc(2024, 4, 1), UpdatedAt = Utc(2024, 4, 2),
                Needs = [new("n-1", Type: 2, Area: 2, KanoClass: 2, Status: 4, "Delivery tracking")],
            },
            new(Ids["e"])
            {
                DisplayName = "Bravo", Kind = 4, RelationshipMode = 1, Industry = "Retail", Tier = "bronze", LadderStage = 3,
                ChurnRiskScore = 0.7, ChurnRiskLevel = 3, CsatMean = 1, CsatCount = 1, NpsScore = -100, LastNps = 6,
                LastInteractionAt = Utc(2024, 6, 1), CreatedAt = Utc(2024, 5, 1), UpdatedAt = Utc(2024, 6, 1),
            },
        ];
        foreach (var row in rows)
        {
            await row.InsertAsync(DataSource);
        }
    }

    public Task DisposeAsync() => Database.DisposeAsync();
}
