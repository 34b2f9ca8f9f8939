namespace OpenDti.Domain.Events;

/// <summary>
/// People present at a bridge point, by category: officials (cán bộ, công chức, viên chức), party members
/// (đảng viên), citizens (nhân dân) and others. A person is counted once, in one category.
/// </summary>
/// <param name="Officials">Officials and civil servants.</param>
/// <param name="PartyMembers">Party members who are not counted as officials.</param>
/// <param name="Citizens">Citizens.</param>
/// <param name="Other">Anyone else.</param>
public sealed record Attendance(int Officials, int PartyMembers, int Citizens, int Other)
{
    /// <summary>The most people one category of one bridge point may report (a stadium, not a typo of an extra digit).</summary>
    public const int MaxPerCategory = 100_000;

    /// <summary>Everybody present.</summary>
    public int Total => checked(Officials + PartyMembers + Citizens + Other);

    /// <summary>True when every category is between 0 and <see cref="MaxPerCategory"/>.</summary>
    public bool IsPlausible => new[] { Officials, PartyMembers, Citizens, Other }.All(n => n is >= 0 and <= MaxPerCategory);
}
