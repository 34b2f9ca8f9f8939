using Microsoft.AspNetCore.Http.HttpResults;
using OpenDti.Domain.Values;
using OpenDti.Features.Frameworks;
using OpenDti.Features.Geography;
using OpenDti.Features.Profiles;
using OpenDti.Features.Rankings;
using OpenDti.Web;

namespace OpenDti.Features.Reports;

/// <summary>
/// Gathers a province's report for one year from the same queries as the profile page and the JSON API, so the
/// document and the API say the same numbers.
/// </summary>
public sealed class UnitReports(UnitQueries units, UnitProfiles profiles, RankingQueries rankings, IndicatorValues indicators, TimeProvider time)
{
    /// <summary>The Decision 749 framework whose indicators make the targets table.</summary>
    public const string TargetsFramework = UnitsApi.DefaultFramework;

    /// <summary>
    /// The report of unit <paramref name="code"/> (the one valid on <paramref name="on"/>, default today) for
    /// <paramref name="year"/> (default the latest it was ranked in) in <paramref name="framework"/>; a problem
    /// when the unit does not exist or was not ranked that year.
    /// </summary>
    public async Task<Results<Ok<UnitReport>, ProblemHttpResult, ValidationProblem>> BuildAsync(
        string code, int? year, string framework, string? on, CancellationToken cancellationToken)
    {
        var found = await UnitsApi.GetUnit(code, on, units, time, cancellationToken);
        if (found.Result is not Ok<UnitDetail> { Value: { } unit })
        {
            return found.Result switch
            {
                ValidationProblem invalid => invalid,
                ProblemHttpResult problem => problem,
                _ => throw new InvalidOperationException("GetUnit returned an unexpected result."),
            };
        }

        var profile = await profiles.ForUnitAsync(unit.Id, framework, year, cancellationToken);
        var period = year is { } asked ? Period.OfYear(asked).ToString() : profile?.Period;
        var table = profile is not null && profile.Period == period ? await rankings.LatestAsync(framework, Period.OfYear(int.Parse(period, System.Globalization.CultureInfo.InvariantCulture)), cancellationToken) : null;
        var row = table?.Rows.FirstOrDefault(r => r.Code == unit.Code);
        if (profile is null || table is null || row is null)
        {
            return ApiProblems.NotFound($"{unit.Name} ({unit.Code}) has no ranking in '{framework}'{(year is null ? string.Empty : $" for {year}")}: see /api/v1/units/{unit.Code}/profile for the years it was ranked.");
        }

        var values = await indicators.ForUnitAsync(unit.Id, TargetsFramework, cancellationToken);
        return TypedResults.Ok(new UnitReport
        {
            Profile = profile,
            Ranking = row,
            ComparedWith = table.ComparedWith,
            Targets = values?.Indicators.Select(i => ReportTarget.From(i, profile.Period)).ToList() ?? [],
            HasTargetValues = false,
            MadeOn = time.Today(),
        });
    }
}
