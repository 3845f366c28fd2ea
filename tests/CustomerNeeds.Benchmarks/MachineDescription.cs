using System.Globalization;
using System.Runtime.InteropServices;

namespace CustomerNeeds.Benchmarks;

/// <summary>The machine the suite ran on, read from /proc and /etc/os-release where present.</summary>
public static class MachineDescription
{
    public static string Describe()
    {
        var cpu = FirstValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memory = FirstValue("/proc/meminfo", "MemTotal") is { } kb
            && long.TryParse(kb.Replace("kB", "", StringComparison.Ordinal).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var k)
                ? string.Create(CultureInfo.InvariantCulture, $"{k / 1048576.0:F1} GiB")
                : "unknown memory";
        var os = FirstValue("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription;
        return string.Create(CultureInfo.InvariantCulture,
            $"{cpu}, {Environment.ProcessorCount} cores, {memory}, {os}, {RuntimeInformation.FrameworkDescription}");
    }

    private static string? FirstValue(string path, string key, char separator = ':')
    {
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                var at = line.IndexOf(separator, StringComparison.Ordinal);
                if (at > 0 && line[..at].Trim() == key)
                {
                    return line[(at + 1)..].Trim();
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }
}
