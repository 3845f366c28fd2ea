using CustomerNeeds.Server.Hosting;
using CustomerNeeds.Storage.ApiKeys;

namespace CustomerNeeds.Server.Security.ApiKeys;

/// <summary>
/// The local key (docs/security.md, "Local mode"): when <see cref="Setting"/> names a file, start-up
/// creates a key "local" with the roles agent, analyst and admin and writes it whole to the file
/// (mode 0600). With PostgreSQL only when the file does not exist yet; in memory at every start
/// (the keys of the last run are gone), overwriting the file.
/// </summary>
public sealed class LocalBootstrapKey(
    IApiKeyStore store, StorageMode storage, string path, TimeProvider time, ILogger<LocalBootstrapKey> logger) : IHostedService
{
    /// <summary>The configuration key naming the file.</summary>
    public const string Setting = "CustomerNeeds:Security:BootstrapKeyFile";

    public const string DisplayName = "local";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The roles of the local key.</summary>
    public static IReadOnlyList<string> Roles { get; } = [Role.Agent, Role.Analyst, Role.Admin];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        if (storage == StorageMode.Postgres && File.Exists(full))
        {
            logger.LogInformation("The local API key is in {Path} (kept from an earlier start)", full);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var issued = await ApiKeyIssuer.IssueAsync(
            store, new NewApiKey(DisplayName, Roles, null, null), Caller.ServiceItself.Id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        try
        {
            await WriteAsync(full, issued.Key, overwrite: storage == StorageMode.InMemory, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException) when (storage == StorageMode.Postgres && File.Exists(full))
        {
            // Another server of this database wrote the file first: ours is not needed.
            await store.RevokeAsync(issued.Row.KeyId, Caller.ServiceItself.Id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            logger.LogInformation("The local API key is in {Path} (written by another server)", full);
            return;
        }

        logger.LogInformation("Created the local API key {KeyId}; it is in {Path}", ApiKeyVerifier.CallerId(issued.Row.KeyId), full);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Written to a file of its own first and then renamed into place: a reader never sees a part of the key.
    private static async Task WriteAsync(string path, string key, bool overwrite, CancellationToken cancellationToken)
    {
        var written = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        try
        {
            await using (var stream = new FileStream(written, options))
            await using (var writer = new StreamWriter(stream))
            {
                await writer.WriteLineAsync(key.AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            File.Move(written, path, overwrite);
        }
        finally
        {
            File.Delete(written);
        }
    }
}
