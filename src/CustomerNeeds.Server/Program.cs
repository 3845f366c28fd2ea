using CustomerNeeds.Server.Hosting;

if (args.Length > 0 && args[0] == ReadModelRebuildCommand.Verb)
{
    return await ReadModelRebuildCommand.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == SeedCommand.Verb)
{
    return await SeedCommand.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == ApiKeyCommand.Verb)
{
    return await ApiKeyCommand.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == MigrateCommand.Verb)
{
    return await MigrateCommand.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == HealthProbeCommand.Verb)
{
    return await HealthProbeCommand.RunAsync(args[1..]);
}

var app = ServerApp.Build(args);
await app.RunAsync();
return 0;
