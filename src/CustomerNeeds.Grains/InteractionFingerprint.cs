using System.Security.Cryptography;
using System.Text.Json;
using CustomerNeeds.Domain.Interactions;

namespace CustomerNeeds.Grains;

/// <summary>The content hash that decides whether a retried interaction is the same one.</summary>
public static class InteractionFingerprint
{
    public static string Of(Interaction interaction) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(interaction)));
}
