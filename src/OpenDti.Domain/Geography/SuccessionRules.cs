using System.Globalization;
using OpenDti.Domain.Problems;

namespace OpenDti.Domain.Geography;

/// <summary>
/// The rules a set of successions must keep, whatever stores or shows them. Every rule is checked and
/// every breach returned as an <see cref="InputProblem"/>; an empty list means the set is consistent.
/// </summary>
public static class SuccessionRules
{
    /// <summary>How far the shares of a split predecessor may sum from 1, for rounding in the source.</summary>
    public const double ShareTolerance = 1e-9;

    private const string ShareOutOfRange = "succession.share-out-of-range";
    private const string SharesDoNotSumToOne = "succession.shares-do-not-sum-to-one";
    private const string DuplicateLink = "succession.duplicate-link";
    private const string SucceedsItself = "succession.succeeds-itself";
    private const string PredecessorNotEnded = "succession.predecessor-not-ended";
    private const string EffectiveDateMismatch = "succession.effective-date-mismatch";
    private const string SuccessorStartMismatch = "succession.successor-start-mismatch";

    /// <summary>
    /// Checks succession links by code, as <see cref="BoundaryReexpression"/> takes them:
    /// <list type="bullet">
    /// <item><description>"succession.share-out-of-range": a share is not in (0, 1] (NaN included);</description></item>
    /// <item><description>"succession.duplicate-link": the same predecessor → successor pair appears twice;</description></item>
    /// <item><description>"succession.shares-do-not-sum-to-one": a predecessor linked to two or more successors
    /// (a split) has shares whose sum differs from 1 by more than <see cref="ShareTolerance"/>.</description></item>
    /// </list>
    /// A predecessor with a single link may pass on less than all of itself (the rest went to a unit outside
    /// the set). Each problem's <see cref="ProblemPlace.Row"/> is the 1-based position of the link, or of the
    /// predecessor's first link for a sum, and <see cref="ProblemPlace.Field"/> names the link ("02 → 08") or
    /// the predecessor ("02").
    /// </summary>
    /// <param name="links">The links to check.</param>
    /// <returns>The problems found, in link order; empty when the links are sound.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="links"/> or one of its elements is null.</exception>
    public static IReadOnlyList<InputProblem> CheckLinks(IEnumerable<SuccessionLink> links)
    {
        ArgumentNullException.ThrowIfNull(links);

        var rows = links.Select((link, index) =>
        {
            ArgumentNullException.ThrowIfNull(link, nameof(links));
            return new ShareRow<UnitCode>(link.Predecessor, link.Successor, link.Predecessor, link.Successor, link.Share, index + 1);
        });
        return CheckShares(rows, source: null).AsReadOnly();
    }

    /// <summary>
    /// Checks stored successions with their units. Besides the share rules of <see cref="CheckLinks"/>
    /// (with units told apart by code and validity, since codes repeat across time):
    /// <list type="bullet">
    /// <item><description>"succession.succeeds-itself": predecessor and successor are the same unit (same code and
    /// validity);</description></item>
    /// <item><description>"succession.predecessor-not-ended": the predecessor has no <see cref="ReportingUnit.ValidTo"/>;</description></item>
    /// <item><description>"succession.effective-date-mismatch": the effective date is not the day after the
    /// predecessor's last day;</description></item>
    /// <item><description>"succession.successor-start-mismatch": the successor's <see cref="ReportingUnit.ValidFrom"/>
    /// is not the effective date.</description></item>
    /// </list>
    /// Each problem's <see cref="ProblemPlace.Row"/> is the 1-based position in <paramref name="successions"/>.
    /// </summary>
    /// <param name="successions">Each succession with its predecessor and successor.</param>
    /// <param name="source">Where the successions come from, e.g. a seed file name; put into each problem's place.</param>
    /// <returns>The problems found; empty when the set is consistent.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="successions"/> or a unit or succession in it is null.</exception>
    public static IReadOnlyList<InputProblem> Check(
        IEnumerable<(ReportingUnit Predecessor, ReportingUnit Successor, Succession Succession)> successions,
        string? source = null)
    {
        ArgumentNullException.ThrowIfNull(successions);

        var list = successions.ToList();
        var problems = new List<InputProblem>();
        for (var i = 0; i < list.Count; i++)
        {
            var (predecessor, successor, succession) = list[i];
            ArgumentNullException.ThrowIfNull(predecessor, nameof(successions));
            ArgumentNullException.ThrowIfNull(successor, nameof(successions));
            ArgumentNullException.ThrowIfNull(succession, nameof(successions));
            CheckDates(predecessor, successor, succession, new ProblemPlace(source, Row: i + 1, Field: Arrow(predecessor.Code, successor.Code)), problems);
        }

        var rows = list.Select((s, index) =>
            new ShareRow<UnitKey>(UnitKey.Of(s.Predecessor), UnitKey.Of(s.Successor), s.Predecessor.Code, s.Successor.Code, s.Succession.Share, index + 1));
        problems.AddRange(CheckShares(rows, source));
        return problems.OrderBy(p => p.Place.Row).ToArray().AsReadOnly();
    }

    private static void CheckDates(ReportingUnit predecessor, ReportingUnit successor, Succession succession, ProblemPlace place, List<InputProblem> problems)
    {
        if (ReferenceEquals(predecessor, successor) || UnitKey.Of(predecessor) == UnitKey.Of(successor))
        {
            problems.Add(new InputProblem(SucceedsItself, place, "a successor other than the predecessor", $"{predecessor.Code} valid {Validity(predecessor)} on both sides"));
        }

        var effective = Iso(succession.EffectiveDate);
        if (predecessor.ValidTo is not { } lastDay)
        {
            problems.Add(new InputProblem(PredecessorNotEnded, place, $"a predecessor whose last day is {Iso(succession.EffectiveDate.AddDays(-1))}", "no last day"));
        }
        else if (lastDay.AddDays(1) != succession.EffectiveDate)
        {
            problems.Add(new InputProblem(EffectiveDateMismatch, place, $"effective date {Iso(lastDay.AddDays(1))}, the day after the predecessor's last day {Iso(lastDay)}", effective));
        }

        if (successor.ValidFrom != succession.EffectiveDate)
        {
            problems.Add(new InputProblem(SuccessorStartMismatch, place, $"successor valid from {effective}, the effective date", successor.ValidFrom is { } from ? Iso(from) : "no first day"));
        }
    }

    private static List<InputProblem> CheckShares<TKey>(IEnumerable<ShareRow<TKey>> rows, string? source)
        where TKey : notnull
    {
        var problems = new List<InputProblem>();
        var seen = new HashSet<(TKey, TKey)>();
        var byPredecessor = new Dictionary<TKey, List<ShareRow<TKey>>>();
        foreach (var row in rows)
        {
            var place = new ProblemPlace(source, Row: row.Row, Field: Arrow(row.PredecessorCode, row.SuccessorCode));
            if (row.Share is not (> 0 and <= 1))
            {
                problems.Add(new InputProblem(ShareOutOfRange, place, "a share greater than 0 and at most 1", Number(row.Share)));
            }

            if (!seen.Add((row.Predecessor, row.Successor)))
            {
                // the repeated row is reported once here and left out of its predecessor's sum
                problems.Add(new InputProblem(DuplicateLink, place, "each predecessor → successor pair once"));
                continue;
            }

            if (!byPredecessor.TryGetValue(row.Predecessor, out var group))
            {
                byPredecessor[row.Predecessor] = group = [];
            }

            group.Add(row);
        }

        foreach (var group in byPredecessor.Values.Where(g => g.Count > 1 && g.All(r => r.Share is > 0 and <= 1)))
        {
            var sum = group.Sum(r => r.Share);
            if (Math.Abs(sum - 1) > ShareTolerance)
            {
                var parts = string.Join(" + ", group.Select(r => $"{Number(r.Share)} to {r.SuccessorCode}"));
                var place = new ProblemPlace(source, Row: group[0].Row, Field: group[0].PredecessorCode.Value);
                problems.Add(new InputProblem(SharesDoNotSumToOne, place, "the shares of a split predecessor summing to 1", $"{parts} = {Number(sum)}"));
            }
        }

        return [.. problems.OrderBy(p => p.Place.Row)];
    }

    private static string Arrow(UnitCode predecessor, UnitCode successor) => $"{predecessor} → {successor}";

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Validity(ReportingUnit unit) =>
        $"{(unit.ValidFrom is { } from ? Iso(from) : "…")} to {(unit.ValidTo is { } to ? Iso(to) : "…")}";

    /// <summary>A unit told apart from others with the same code by its validity.</summary>
    private readonly record struct UnitKey(UnitCode Code, DateOnly? ValidFrom, DateOnly? ValidTo)
    {
        public static UnitKey Of(ReportingUnit unit) => new(unit.Code, unit.ValidFrom, unit.ValidTo);
    }

    /// <summary>One link as the share rules see it, whatever identifies its units.</summary>
    private sealed record ShareRow<TKey>(TKey Predecessor, TKey Successor, UnitCode PredecessorCode, UnitCode SuccessorCode, double Share, int Row);
}
