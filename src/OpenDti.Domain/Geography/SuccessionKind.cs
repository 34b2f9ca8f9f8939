namespace OpenDti.Domain.Geography;

/// <summary>How a unit passed into its successor.</summary>
public enum SuccessionKind
{
    /// <summary>Two or more units became one; each predecessor passes all of itself (share 1) unless stated.</summary>
    Merge = 0,

    /// <summary>One unit was divided; its shares over all successors sum to one.</summary>
    Split = 1,

    /// <summary>The unit continues as one successor, possibly under another name or code (share 1).</summary>
    Rename = 2,
}
