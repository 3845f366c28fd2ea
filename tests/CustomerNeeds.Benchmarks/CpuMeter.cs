using System.Globalization;
using System.Runtime.InteropServices;

namespace CustomerNeeds.Benchmarks;

/// <summary>
/// Reads CPU time from /proc (Linux): utime + stime of the server process (/proc/PID/stat), of
/// the PostgreSQL postmaster and its children (their own times, plus the postmaster's cutime +
/// cstime, which holds the children that already exited), of this process, and the busy time of
/// the whole machine (/proc/stat). <see cref="Take"/> returns a reading; the difference of two is a
/// <see cref="CpuUsage"/>. Where /proc is missing every figure is NaN.
/// </summary>
public sealed class CpuMeter(int serverPid, int postgresPid)
{
    private static readonly double TicksPerSecond = ClockTicks();

    /// <summary>One reading, in clock ticks.</summary>
    public sealed record Reading(double Server, double Postgres, double Machine, double Generator);

    /// <summary>Reads the counters now.</summary>
    public Reading Take() => new(
        serverPid > 0 ? ProcessTicks(serverPid, children: false) : double.NaN,
        postgresPid > 0 ? PostgresTicks() : double.NaN,
        MachineBusyTicks(),
        ProcessTicks(Environment.ProcessId, children: false));

    /// <summary>CPU seconds between two readings.</summary>
    public static CpuUsage Between(Reading before, Reading after) => new(
        (after.Server - before.Server) / TicksPerSecond,
        (after.Postgres - before.Postgres) / TicksPerSecond,
        (after.Machine - before.Machine) / TicksPerSecond,
        (after.Generator - before.Generator) / TicksPerSecond);

    private double PostgresTicks()
    {
        var total = ProcessTicks(postgresPid, children: true);
        if (double.IsNaN(total))
        {
            return double.NaN;
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && pid != postgresPid
                && StatFields(pid) is { } fields
                && fields[1] == postgresPid.ToString(CultureInfo.InvariantCulture))
            {
                total += Field(fields, 11) + Field(fields, 12);
            }
        }

        return total;
    }

    private static double ProcessTicks(int pid, bool children)
    {
        var fields = StatFields(pid);
        if (fields is null)
        {
            return double.NaN;
        }

        // After the ")" of the command: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14).
        var ticks = Field(fields, 11) + Field(fields, 12);
        return children ? ticks + Field(fields, 13) + Field(fields, 14) : ticks;
    }

    /// <summary>The fields of /proc/PID/stat after the command name; null when the process is gone.</summary>
    private static string[]? StatFields(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        var close = text.LastIndexOf(')');
        return close < 0 ? null : text[(close + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static double Field(string[] fields, int index) => double.Parse(fields[index], CultureInfo.InvariantCulture);

    private static double MachineBusyTicks()
    {
        try
        {
            // cpu  user nice system idle iowait irq softirq steal guest guest_nice (guest is inside user)
            var line = File.ReadLines("/proc/stat").First(l => l.StartsWith("cpu ", StringComparison.Ordinal));
            var v = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            return v[0] + v[1] + v[2] + v[5] + v[6] + (v.Length > 7 ? v[7] : 0);
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    private static double ClockTicks()
    {
        try
        {
            var ticks = Sysconf(ScClkTck);
            return ticks > 0 ? ticks : 100;
        }
        catch (DllNotFoundException)
        {
            return 100;
        }
        catch (EntryPointNotFoundException)
        {
            return 100;
        }
    }

    private const int ScClkTck = 2;

    [DllImport("libc", EntryPoint = "sysconf")]
    private static extern long Sysconf(int name);
}
