using System.Security.Cryptography;
using System.Text;

namespace OpenDti.Domain.Accounts;

/// <summary>
/// A long-lived key for a system that pushes data (<c>X-Api-Key: odk_{prefix}_{secret}</c>). Only a
/// SHA-256 hash of the secret is kept: the secret is 256 random bits, so a slow password hash would add
/// nothing. A key acts for its owner, with its own role on its own units — never more than the owner
/// holds when it is used — until it expires or is revoked.
/// </summary>
public sealed class ApiKey
{
    /// <summary>What every key starts with, so that secret scanners and people recognise one.</summary>
    public const string Scheme = "odk";

    /// <summary>The store's identity.</summary>
    public int Id { get; set; }

    /// <summary>The account that created the key and that it acts for.</summary>
    public int UserId { get; init; }

    /// <summary>The owner, when loaded.</summary>
    public UserAccount? User { get; set; }

    /// <summary>A name for people ("Hệ thống một cửa tỉnh Phú Thọ").</summary>
    public required string Name { get; init; }

    /// <summary>The public part of the key, unique; shown in lists so people can tell keys apart.</summary>
    public required string Prefix { get; init; }

    /// <summary>Lower-case hex SHA-256 of the secret part.</summary>
    public required string SecretHash { get; init; }

    /// <summary><see cref="Accounts.Role.DataEntry"/> or <see cref="Accounts.Role.Viewer"/>.</summary>
    public required string Role { get; init; }

    /// <summary>The units the key may act on, each with its subtree.</summary>
    public List<ApiKeyUnit> Units { get; } = [];

    /// <summary>When it was created (UTC).</summary>
    public DateTime CreatedAtUtc { get; init; }

    /// <summary>After this instant (UTC) the key is refused.</summary>
    public DateTime ExpiresAtUtc { get; init; }

    /// <summary>When it was revoked (UTC); a revoked key is refused for good.</summary>
    public DateTime? RevokedAtUtc { get; set; }

    /// <summary>True when the key may be used at <paramref name="nowUtc"/>.</summary>
    public bool IsActiveAt(DateTime nowUtc) => RevokedAtUtc is null && nowUtc < ExpiresAtUtc;

    /// <summary>The stored hash of a secret.</summary>
    public static string HashSecret(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>A new random prefix and secret, and the key text to hand out once.</summary>
    public static (string Prefix, string Secret, string KeyText) Generate()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (prefix, secret, $"{Scheme}_{prefix}_{secret}");
    }

    /// <summary>Splits key text into its prefix and secret; false when it is not shaped like a key.</summary>
    public static bool TryParse(string? keyText, out string prefix, out string secret)
    {
        prefix = secret = string.Empty;
        var parts = keyText?.Trim().Split('_', 3);
        if (parts is not [Scheme, { Length: 12 } p, { Length: > 20 } s])
        {
            return false;
        }

        (prefix, secret) = (p, s);
        return true;
    }

    /// <summary>True when <paramref name="secret"/> hashes to <see cref="SecretHash"/> (compared in constant time).</summary>
    public bool Matches(string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashSecret(secret)), Encoding.ASCII.GetBytes(SecretHash));
}

/// <summary>One unit (with its subtree) an <see cref="ApiKey"/> may act on.</summary>
public sealed class ApiKeyUnit
{
    /// <summary>The key.</summary>
    public int ApiKeyId { get; init; }

    /// <summary>The unit.</summary>
    public int UnitId { get; init; }
}
