namespace OpenDti.Domain.Accounts;

/// <summary>
/// The roles a user can hold, each on one unit and its subtree. The names are the ones the CLI and
/// the API use (<c>users add --role province-admin</c>).
/// </summary>
public static class Role
{
    /// <summary>Administers the whole system.</summary>
    public const string NationalAdmin = "national-admin";

    /// <summary>Administers a province and its units.</summary>
    public const string ProvinceAdmin = "province-admin";

    /// <summary>Reviews and approves submissions of the units under their unit.</summary>
    public const string Reviewer = "reviewer";

    /// <summary>Enters data for their unit and the units under it.</summary>
    public const string DataEntry = "data-entry";

    /// <summary>Reads what is not public for their unit and the units under it.</summary>
    public const string Viewer = "viewer";

    /// <summary>Every role, most powerful first.</summary>
    public static IReadOnlyList<string> All { get; } = [NationalAdmin, ProvinceAdmin, Reviewer, DataEntry, Viewer];

    /// <summary>True when <paramref name="name"/> is one of <see cref="All"/> (exact, lower-case).</summary>
    public static bool IsKnown(string? name) => name is not null && All.Contains(name, StringComparer.Ordinal);
}
