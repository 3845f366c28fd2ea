using System.Globalization;

namespace CustomerNeeds.Benchmarks;

/// <summary>
/// Every scale of the suite, as command-line options (<c>--name value</c>). The defaults are the
/// figures of the benchmark issue; <c>--quick</c> first applies a smoke-run preset that later
/// options may override.
/// </summary>
public sealed class BenchmarkSettings
{
    /// <summary>The server's gRPC address.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1:5080");

    /// <summary>PostgreSQL of the server (interactions per commit); empty: not measured.</summary>
    public string PostgresConnectionString { get; private set; } = "";

    /// <summary>The server's process id (CPU); 0: not measured.</summary>
    public int ServerPid { get; private set; }

    /// <summary>The PostgreSQL postmaster's process id (CPU of it and its children); 0: not measured.</summary>
    public int PostgresPid { get; private set; }

    /// <summary>HTTP/2 connections (one GrpcChannel each) the callers are spread over.</summary>
    public int Connections { get; private set; } = 4;

    /// <summary>Concurrent callers of every closed-loop scenario (issue: 256 for RecordInteraction).</summary>
    public int Concurrency { get; private set; } = 256;

    /// <summary>Unmeasured time at the start of each scenario.</summary>
    public TimeSpan Warmup { get; private set; } = TimeSpan.FromSeconds(10);

    /// <summary>Measured time of each scenario.</summary>
    public TimeSpan Duration { get; private set; } = TimeSpan.FromSeconds(30);

    /// <summary>Customers of the warm read, write and mixed scenarios.</summary>
    public int Customers { get; private set; } = 10_000;

    /// <summary>Customers with a long history (and as many new ones) for the history-independence scenario.</summary>
    public int HistoryCustomers { get; private set; } = 100;

    /// <summary>Prior interactions of each history customer.</summary>
    public int HistoryInteractions { get; private set; } = 10_000;

    /// <summary>Customers of the memory scenario.</summary>
    public int MemoryCustomers { get; private set; } = 100_000;

    /// <summary>Needs of each memory customer.</summary>
    public int MemoryNeeds { get; private set; } = 5;

    /// <summary>Interactions of each memory customer.</summary>
    public int MemoryInteractions { get; private set; } = 50;

    /// <summary>After the memory scenario, list this many of the largest types on the server's heap (0: no census).</summary>
    public int HeapTypes { get; private set; }

    /// <summary>Concurrent streams of the StreamInteractions scenario.</summary>
    public int Streams { get; private set; } = 8;

    /// <summary>Watchers of the watched hot customer in the watch scenarios.</summary>
    public int Watchers { get; private set; } = 20;

    /// <summary>Items in flight per stream (the server allows 512).</summary>
    public int StreamWindow { get; private set; } = 512;

    /// <summary>Concurrent unary calls while seeding (or streams x window when streaming).</summary>
    public int SeedConcurrency { get; private set; } = 256;

    /// <summary>Bytes of the Echo payload.</summary>
    public int EchoPayloadBytes { get; private set; } = 16;

    /// <summary>The open-loop GetCustomer/Echo rate as a fraction of the measured max GetCustomer throughput.</summary>
    public double OpenLoopFraction { get; private set; } = 0.5;

    /// <summary>Scenario keys to run (empty: all), e.g. <c>echo,get,record</c>.</summary>
    public IReadOnlySet<string> Only { get; private set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Markdown results are also written here; empty: stdout only.</summary>
    public string OutputPath { get; private set; } = "";

    /// <summary>True when <c>--quick</c> was given.</summary>
    public bool Quick { get; private set; }

    /// <summary>The usage text.</summary>
    public const string Usage = """
        CustomerNeeds benchmark load generator (see docs/benchmarks.md). Options (defaults in brackets):
          --address URL              server gRPC address [http://127.0.0.1:5080]
          --postgres CONNSTRING      the server's PostgreSQL, for interactions per commit [not measured]
          --server-pid PID           server process, for CPU per request [not measured]
          --postgres-pid PID         PostgreSQL postmaster, for its CPU and its children's [not measured]
          --connections N            HTTP/2 connections [4]
          --concurrency N            callers of each closed-loop scenario [256]
          --warmup SECONDS           unmeasured warm-up of each scenario [10]
          --duration SECONDS         measured time of each scenario [30]
          --customers N              customers of the read/write/mixed scenarios [10000]
          --history-customers N      customers with a long history, and as many new ones [100]
          --history-interactions N   prior interactions of each history customer [10000]
          --memory-customers N       customers of the memory scenario [100000]
          --memory-needs N           needs per memory customer [5]
          --memory-interactions N    interactions per memory customer [50]
          --heap-types N             after the memory scenario, the N largest types on the server's heap
                                     (attaches to --server-pid with ClrMD; needs ptrace rights) [0: none]
          --streams N                concurrent StreamInteractions streams [8]
          --watchers N               WatchCustomer calls on the hot customer of the watch scenarios [20]
          --stream-window N          items in flight per stream [512]
          --seed-concurrency N       concurrent calls while seeding [256]
          --echo-payload BYTES       Echo payload size [16]
          --open-loop-fraction F     open-loop rate as a fraction of max GetCustomer throughput [0.5]
          --only KEYS                comma-separated scenario keys: echo,get,open,record,hot,watch,mixed,naive,history,stream,memory [all]
          --output FILE              also write the markdown results to FILE
          --quick                    smoke-run preset (1,000 customers, 2 s warm-up, 5 s per scenario, small history and memory sets)
        """;

    /// <summary>Parses the command line; throws <see cref="ArgumentException"/> with a message on a bad option.</summary>
    public static BenchmarkSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new BenchmarkSettings();
        if (args.Contains("--quick"))
        {
            settings.ApplyQuick();
        }

        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--quick")
            {
                continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value.");
            }

            var value = args[++i];
            switch (name)
            {
                case "--address": settings.Address = new Uri(value); break;
                case "--postgres": settings.PostgresConnectionString = value; break;
                case "--server-pid": settings.ServerPid = Int(name, value, 0); break;
                case "--postgres-pid": settings.PostgresPid = Int(name, value, 0); break;
                case "--connections": settings.Connections = Int(name, value, 1); break;
                case "--concurrency": settings.Concurrency = Int(name, value, 1); break;
                case "--warmup": settings.Warmup = TimeSpan.FromSeconds(Double(name, value, 0)); break;
                case "--duration": settings.Duration = TimeSpan.FromSeconds(Double(name, value, 0.5)); break;
                case "--customers": settings.Customers = Int(name, value, 1); break;
                case "--history-customers": settings.HistoryCustomers = Int(name, value, 1); break;
                case "--history-interactions": settings.HistoryInteractions = Int(name, value, 0); break;
                case "--memory-customers": settings.MemoryCustomers = Int(name, value, 1); break;
                case "--memory-needs": settings.MemoryNeeds = Int(name, value, 0); break;
                case "--memory-interactions": settings.MemoryInteractions = Int(name, value, 0); break;
                case "--heap-types": settings.HeapTypes = Int(name, value, 0); break;
                case "--streams": settings.Streams = Int(name, value, 1); break;
                case "--watchers": settings.Watchers = Int(name, value, 1); break;
                case "--stream-window": settings.StreamWindow = Int(name, value, 1); break;
                case "--seed-concurrency": settings.SeedConcurrency = Int(name, value, 1); break;
                case "--echo-payload": settings.EchoPayloadBytes = Int(name, value, 0); break;
                case "--open-loop-fraction": settings.OpenLoopFraction = Double(name, value, 0.01); break;
                case "--only": settings.Only = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal); break;
                case "--output": settings.OutputPath = value; break;
                default: throw new ArgumentException($"Unknown option {name}.");
            }
        }

        return settings;
    }

    /// <summary>True when the scenario with this key is to run.</summary>
    public bool Runs(string key) => Only.Count == 0 || Only.Contains(key);

    /// <summary>The options as one line, for the results header.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"connections {Connections}, concurrency {Concurrency}, warm-up {Warmup.TotalSeconds} s, duration {Duration.TotalSeconds} s, customers {Customers:N0}, history customers {HistoryCustomers:N0} x {HistoryInteractions:N0} interactions, memory customers {MemoryCustomers:N0} x ({MemoryNeeds} needs, {MemoryInteractions} interactions), streams {Streams} x window {StreamWindow}, watchers {Watchers}, open-loop fraction {OpenLoopFraction}{(Quick ? ", --quick" : "")}");

    private void ApplyQuick()
    {
        Quick = true;
        Warmup = TimeSpan.FromSeconds(2);
        Duration = TimeSpan.FromSeconds(5);
        Customers = 1_000;
        HistoryCustomers = 10;
        HistoryInteractions = 300;
        MemoryCustomers = 500;
    }

    private static int Int(string name, string value, int min) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min
            ? n
            : throw new ArgumentException($"{name} must be an integer >= {min}, not '{value}'.");

    private static double Double(string name, string value, double min) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= min
            ? d
            : throw new ArgumentException($"{name} must be a number >= {min}, not '{value}'.");
}
