using CustomerNeeds.Api.Tests.Durability;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;

namespace CustomerNeeds.Api.Tests.ApiKeys;

/// <summary>The local key of <c>CustomerNeeds:Security:BootstrapKeyFile</c> (docs/security.md, "Local mode").</summary>
[Collection(DurabilityCollection.Name)]
public sealed class BootstrapKeyTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("customerneeds-keys-").FullName;

    private string KeyFile => Path.Combine(directory, "data", "local-api-key");

    private Dictionary<string, string> Settings => new(StringComparer.Ordinal) { ["CustomerNeeds__Security__BootstrapKeyFile"] = KeyFile };

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task With_postgres_the_first_start_writes_a_local_admin_key_0600_and_later_starts_keep_it()
    {
        await using var own = await OwnServer.StartAsync(Settings);

        var key = (await File.ReadAllTextAsync(KeyFile)).Trim();
        var row = Assert.Single(await StoredKeys.AllAsync(own.Database.DataSource));
        StoredKeys.AssertVerifies(key, row);
        Assert.Equal(("local", "system", null), (row.DisplayName, row.CreatedBy, row.System));
        Assert.Equal(["agent", "analyst", "admin"], row.Roles);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        }

        await own.Server.StopAsync();
        await own.Server.RestartAsync();

        Assert.Equal(key, (await File.ReadAllTextAsync(KeyFile)).Trim());
        Assert.Single(await StoredKeys.AllAsync(own.Database.DataSource));

        // The key in the file is an admin's key for calls.
        using var channel = own.Server.NewApiKeyChannel(key);
        var listed = Assert.Single((await new ApiKeyService.ApiKeyServiceClient(channel).ListApiKeysAsync(new ListApiKeysRequest())).ApiKeys);
        Assert.Equal("apiKeys/" + row.Id, listed.Name);
    }

    [Fact]
    public async Task In_memory_every_start_makes_a_new_key_and_overwrites_the_file_owner_only()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyFile)!);
        await File.WriteAllTextAsync(KeyFile, "cnk_old");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        await using var server = await ServerProcess.StartAsync(null, Settings);

        var key = (await File.ReadAllTextAsync(KeyFile)).Trim();
        Assert.Matches("^cnk_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$", key);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        }

        var listed = Assert.Single((await new ApiKeyService.ApiKeyServiceClient(server.Channel).ListApiKeysAsync(new ListApiKeysRequest())).ApiKeys);
        Assert.Equal("apiKeys/" + key.Substring(4, 12), listed.Name);
        Assert.Equal(("local", "system"), (listed.DisplayName, listed.CreatedBy));

        await server.StopAsync();
        await server.RestartAsync();
        var second = (await File.ReadAllTextAsync(KeyFile)).Trim();
        Assert.NotEqual(key, second);
        Assert.Equal(
            "apiKeys/" + second.Substring(4, 12),
            Assert.Single((await new ApiKeyService.ApiKeyServiceClient(server.Channel).ListApiKeysAsync(new ListApiKeysRequest())).ApiKeys).Name);
    }
}
