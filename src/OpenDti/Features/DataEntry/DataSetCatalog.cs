using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Collection;
using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Frameworks.Expressions;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Values;
using OpenDti.Store;

namespace OpenDti.Features.DataEntry;

/// <summary>
/// The data sets with their measures and the validation rules of their frameworks, read once per request
/// (they are small), and the questions every channel asks of them.
/// </summary>
public sealed class DataSetCatalog(OpenDtiDbContext db)
{
    private IReadOnlyList<DataSetView>? _all;

    /// <summary>Every data set.</summary>
    public async Task<IReadOnlyList<DataSetView>> AllAsync(CancellationToken cancellationToken)
    {
        if (_all is not null)
        {
            return _all;
        }

        var sets = await db.DataSets.AsNoTracking().Include(d => d.Measures).Include(d => d.Units).Include(d => d.Deadlines)
            .OrderBy(d => d.Code).ToListAsync(cancellationToken);
        var measures = await db.Measures.AsNoTracking().ToDictionaryAsync(m => m.Id, cancellationToken);
        var versions = await db.FrameworkVersions.AsNoTracking().Include(v => v.Rules).ToListAsync(cancellationToken);
        return _all = [.. sets.Select(d => new DataSetView(
            d,
            [.. d.Measures.OrderBy(m => m.Order).Select(m => new DataSetField(m, measures[m.MeasureId]))],
            [.. versions.Where(v => v.FrameworkId == d.FrameworkId)]))];
    }

    /// <summary>The data set with this code, or null.</summary>
    public async Task<DataSetView?> FindAsync(string code, CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).FirstOrDefault(d => string.Equals(d.DataSet.Code, code, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A data set with its fields and its framework's versions.</summary>
public sealed class DataSetView(DataSet dataSet, IReadOnlyList<DataSetField> fields, IReadOnlyList<FrameworkVersion> versions)
{
    private readonly Dictionary<int, IReadOnlyList<(ValidationRule Rule, RuleExpression Expression)>> _rules = [];

    /// <summary>The data set.</summary>
    public DataSet DataSet { get; } = dataSet;

    /// <summary>The fields in form order.</summary>
    public IReadOnlyList<DataSetField> Fields { get; } = fields;

    /// <summary>The field of a measure, or null when the data set does not have it.</summary>
    public DataSetField? Field(int measureId) => Fields.FirstOrDefault(f => f.Measure.Id == measureId);

    /// <summary>True when <paramref name="unit"/> must report this data set for <paramref name="period"/>.</summary>
    public bool IsReportedBy(ReportingUnit unit, Period period) =>
        period.Type == DataSet.PeriodType
        && unit.IsValidOn(period.End)
        && (DataSet.ReportingLevel == unit.Level || DataSet.Units.Any(u => u.UnitId == unit.Id));

    /// <summary>The validation rules of the framework version in force in <paramref name="period"/>'s year.</summary>
    public IReadOnlyList<(ValidationRule Rule, RuleExpression Expression)> RulesFor(Period period)
    {
        var version = versions.Where(v => v.FirstYear <= period.Year && (v.LastYear is null || period.Year <= v.LastYear))
            .OrderByDescending(v => v.FirstYear).FirstOrDefault();
        if (version is null)
        {
            return [];
        }

        if (!_rules.TryGetValue(version.Id, out var rules))
        {
            rules = [.. version.Rules.OrderBy(r => r.Code, StringComparer.Ordinal)
                .Select(r => (Rule: r, Parsed: RuleExpression.Parse(r.Expression, new Domain.Problems.ProblemPlace(Field: r.Code)).Rule))
                .Where(r => r.Parsed is not null)
                .Select(r => (r.Rule, r.Parsed!))];
            _rules[version.Id] = rules;
        }

        return rules;
    }

    /// <summary>
    /// The rules broken by <paramref name="values"/> (measure code → value) — only rules whose measures
    /// all have a value are judged, so a half-filled draft is not blamed for what is still missing.
    /// </summary>
    public IEnumerable<ValidationRule> BrokenRules(Period period, IReadOnlyDictionary<string, double> values) =>
        RulesFor(period).Where(r => r.Expression.Holds(code => values.TryGetValue(code.Value, out var v) ? v : null) == false).Select(r => r.Rule);
}

/// <summary>A measure on a data set's form, with its checks.</summary>
public sealed record DataSetField(DataSetMeasure Setting, Measure Measure);
