namespace CustomerNeeds.Grains.Seeding;

/// <summary>What a seeding run did.</summary>
/// <param name="Created">Customers created.</param>
/// <param name="Existing">Customers left alone because they already existed.</param>
/// <param name="Events">Events appended.</param>
/// <param name="RefusedCommands">Synthetic commands the domain refused (skipped).</param>
public sealed record SeedResult(long Created, long Existing, long Events, long RefusedCommands);
