using Orleans.Serialization.Cloning;

namespace CustomerNeeds.Abstractions;

/// <summary>
/// Domain values passed to or returned from a grain in the same process are handed over, not
/// deep-copied (a deep copy of a JSON-encoded value is a serialize-deserialize round trip). Safe
/// because of the rule of the boundary: the grain never changes an argument, and every value it
/// returns is a fresh snapshot it never touches again (docs/architecture.md). Between processes
/// values are serialized as JSON anyway.
/// </summary>
internal sealed class DomainValuesHandedOver : IGeneralizedCopier, IOptionalDeepCopier
{
    public bool IsSupportedType(Type type) => DomainSerialization.IsDomainType(type);

    public object? DeepCopy(object? input, CopyContext context) => input;

    public bool IsShallowCopyable() => true;
}
