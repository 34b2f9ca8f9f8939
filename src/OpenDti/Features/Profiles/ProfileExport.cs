using Microsoft.Extensions.Localization;
using OpenDti.Web;

namespace OpenDti.Features.Profiles;

/// <summary>
/// The tables of a unit's profile as downloads, one per table the page shows (<see cref="Tables"/>), with the
/// same figures; headers in the request's language, numbers unrounded where the page rounds for reading.
/// </summary>
internal static class ProfileExport
{
    public const string Pillars = "pillars";
    public const string Series = "series";
    public const string Strengths = "strengths";
    public const string Weaknesses = "weaknesses";
    public const string RankChange = "change";
    public const string MoveUp = "moveup";

    /// <summary>Every table a profile page shows, by its <c>table=</c> key.</summary>
    public static readonly IReadOnlyList<string> Tables = [Pillars, Series, Strengths, Weaknesses, RankChange, MoveUp];

    /// <summary>The profile's table <paramref name="table"/>; null when the key is unknown.</summary>
    public static TableExport? ToTable(UnitProfile profile, string table, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return table switch
        {
            Pillars => new TableExport(
                [localizer["Code"], localizer["profile.Pillar"], localizer["profile.Score"], localizer["profile.Rank"], localizer["Ranked units"]],
                profile.Pillars.Select(p => Row(p.Code, Localisation.Pick(p.Name, p.NameEn), p.Score, p.Rank, profile.UnitCount)).ToList()),
            Series => new TableExport(
                [localizer["profile.Year"], localizer["Code"], localizer["profile.Unit"], localizer["profile.predecessor"], localizer["Re-expressed on the unit's boundary"], localizer["profile.Score"], localizer["profile.Rank"], localizer["Ranked units"]],
                profile.Series.Select(s => Row(s.Period, s.UnitCode, s.UnitName, YesNo(s.IsPredecessor, localizer), YesNo(s.IsReexpressed, localizer), s.Score, s.Rank, s.UnitCount)).ToList()),
            Strengths or Weaknesses => new TableExport(
                [localizer["Code"], localizer["Indicator"], localizer["profile.Value"], localizer["Unit of measure"], localizer["Normalised value"], localizer["Median of the ranked units"], localizer["Points vs median"]],
                (table == Strengths ? profile.Strengths : profile.Weaknesses)
                    .Select(g => Row(g.Code, Localisation.Pick(g.Name, g.NameEn), Finite(g.Value), g.UnitOfMeasure, g.NormalisedValue, g.PeerMedian, g.Difference)).ToList()),
            RankChange => new TableExport(
                [
                    localizer["Code"], localizer["Indicator"],
                    localizer.Format("Value {0}", From(profile)), localizer.Format("Value {0}", profile.Period),
                    localizer.Format("Points {0}", From(profile)), localizer.Format("Points {0}", profile.Period),
                    localizer["profile.Points"],
                ],
                (profile.RankChange?.Indicators ?? [])
                    .Select(m => Row(m.Code, Localisation.Pick(m.Name, m.NameEn), m.ValueBefore, m.ValueAfter, m.ContributionBefore, m.ContributionAfter, m.Change)).ToList()),
            MoveUp => new TableExport(
                [localizer["Code"], localizer["Indicator"], localizer["profile.Now"], localizer["profile.Needed"], localizer["Unit of measure"], localizer["Normalised value"], localizer["Normalised value needed"], localizer["profile.New rank"], localizer["Rank if applied"]],
                profile.MoveUp.Select(m => Row(m.Code, Localisation.Pick(m.Name, m.NameEn), Finite(m.Value), m.RequiredValue, m.UnitOfMeasure, m.NormalisedValue, m.RequiredNormalisedValue, m.NewRank, m.RankIfApplied)).ToList()),
            _ => null,
        };
    }

    /// <summary>The file name: unit code, framework, period and table, e.g. <c>25-DTI_PROVINCE-2025-pillars</c>.</summary>
    public static string FileName(UnitProfile profile, string table) => $"{profile.UnitCode}-{profile.Framework}-{profile.Period}-{table}";

    // Without a comparison the table is empty; its headers still name the years.
    private static string From(UnitProfile profile) =>
        profile.RankChange?.FromPeriod ?? (int.TryParse(profile.Period, System.Globalization.CultureInfo.InvariantCulture, out var year) ? (year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : profile.Period);

    private static object?[] Row(params object?[] cells) => cells;

    private static string YesNo(bool value, IStringLocalizer localizer) => value ? localizer["Yes"] : localizer["No"];

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
