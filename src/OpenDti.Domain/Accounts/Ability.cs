namespace OpenDti.Domain.Accounts;

/// <summary>What a role allows on the units of its subtree.</summary>
public enum Ability
{
    /// <summary>Read data that is not public yet (drafts, submissions, the audit trail).</summary>
    Read,

    /// <summary>Enter and change values, attach evidence, submit.</summary>
    Enter,

    /// <summary>Return, approve and reopen submissions.</summary>
    Review,

    /// <summary>Manage accounts, API keys, units and data sets.</summary>
    Administer,
}
