namespace CustomerNeeds.Api.Tests;

/// <summary>Files of the repository the tests read (docs), found from the test assembly upwards.</summary>
public static class RepositoryFile
{
    public static string Path(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CustomerNeeds.sln")))
            {
                return System.IO.Path.Combine(dir.FullName, relative);
            }
        }

        throw new InvalidOperationException("The repository root (CustomerNeeds.sln) was not found above " + AppContext.BaseDirectory);
    }
}
