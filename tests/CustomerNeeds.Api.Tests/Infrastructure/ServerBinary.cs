namespace CustomerNeeds.Api.Tests.Infrastructure;

/// <summary>Where the server build lives: the same configuration as this test assembly.</summary>
public static class ServerBinary
{
    /// <summary>The repository root: the first directory above the test binaries holding CustomerNeeds.sln.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>"Release" or "Debug": the configuration this test assembly was built with.</summary>
    public static string Configuration { get; } = DetectConfiguration();

    /// <summary>src/CustomerNeeds.Server/bin/{Configuration}/net10.0/CustomerNeeds.Server.dll.</summary>
    public static string Path
    {
        get
        {
            var path = System.IO.Path.Combine(RepositoryRoot, "src", "CustomerNeeds.Server", "bin", Configuration, "net10.0", "CustomerNeeds.Server.dll");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"The server is not built: {path} is missing (build the solution with -c {Configuration}).", path);
            }

            return path;
        }
    }

    /// <summary>The dotnet host that runs the tests (DOTNET_HOST_PATH under dotnet test), else "dotnet" from PATH.</summary>
    public static string DotnetHost
    {
        get
        {
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(host) && File.Exists(host))
            {
                return host;
            }

            var self = Environment.ProcessPath;
            if (self is not null && System.IO.Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            {
                return self;
            }

            return "dotnet";
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CustomerNeeds.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No CustomerNeeds.sln above {AppContext.BaseDirectory}.");
    }

    private static string DetectConfiguration()
    {
        // .../tests/CustomerNeeds.Api.Tests/bin/{Configuration}/net10.0/
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar));
        var name = tfm.Parent?.Name;
        if (string.Equals(name, "Release", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "Debug", StringComparison.OrdinalIgnoreCase))
        {
            return name!;
        }

        return AppContext.BaseDirectory.Contains($"{System.IO.Path.DirectorySeparatorChar}Release{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
    }
}
