using System.Globalization;
using Microsoft.Extensions.Localization;

namespace OpenDti.Features.Targets;

/// <summary>How the pages write a target's words and numbers, in the request's language.</summary>
internal static class TargetText
{
    public static string Pillar(IStringLocalizer localizer, string pillar) => localizer["targets.pillar." + pillar];

    public static string Status(IStringLocalizer localizer, string status) => localizer["targets.status." + status];

    public static string Scope(IStringLocalizer localizer, TargetSummary target) =>
        target.Scope == "unit" ? target.ScopeUnitName ?? target.ScopeUnit ?? string.Empty : localizer["targets.scope." + target.Scope];

    /// <summary>"≥ 80 %" — the comparison sign, the value and the unit of measure.</summary>
    public static string Goal(TargetSummary target) =>
        $"{Sign(target.Comparison)} {Number(target.TargetValue)}{(target.UnitOfMeasure is { Length: > 0 } unit ? " " + unit : string.Empty)}";

    public static string Sign(string comparison) => comparison switch
    {
        "at-least" => "≥",
        "at-most" => "≤",
        "more-than" => ">",
        _ => "=",
    };

    public static string Number(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("#,##0.##", CultureInfo.CurrentCulture) : "—";

    public static string Share(double? value) =>
        value is { } v ? v.ToString("P0", CultureInfo.CurrentCulture) : "—";

    public static string Ratio(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("0.00", CultureInfo.CurrentCulture) : "—";
}
