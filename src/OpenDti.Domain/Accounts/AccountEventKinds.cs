namespace OpenDti.Domain.Accounts;

/// <summary>The kinds of <see cref="AccountEvent"/>, as stored and shown.</summary>
public static class AccountEventKinds
{
    /// <summary>An account was created.</summary>
    public const string UserAdded = "user-added";

    /// <summary>A role was granted on a unit.</summary>
    public const string RoleGranted = "role-granted";

    /// <summary>A role was withdrawn.</summary>
    public const string RoleWithdrawn = "role-withdrawn";

    /// <summary>An administrator locked the account.</summary>
    public const string Locked = "locked";

    /// <summary>An administrator unlocked the account.</summary>
    public const string Unlocked = "unlocked";

    /// <summary>An administrator replaced the password by a one-time password.</summary>
    public const string PasswordReset = "password-reset";

    /// <summary>The person changed their password.</summary>
    public const string PasswordChanged = "password-changed";

    /// <summary>The person signed out on every device.</summary>
    public const string SignedOutEverywhere = "signed-out-everywhere";

    /// <summary>An API key was created.</summary>
    public const string KeyCreated = "key-created";

    /// <summary>An API key was revoked.</summary>
    public const string KeyRevoked = "key-revoked";

    /// <summary>Units were imported from a file.</summary>
    public const string UnitsImported = "units-imported";
}
