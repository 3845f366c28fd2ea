namespace CustomerNeeds.Benchmarks;

/// <summary>All live objects of one type on the server's heap.</summary>
public sealed record HeapTypeTotal(string Type, long Objects, long Bytes);
