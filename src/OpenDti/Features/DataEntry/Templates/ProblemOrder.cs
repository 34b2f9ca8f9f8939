namespace OpenDti.Features.DataEntry.Templates;

/// <summary>Problems in file order: the file as a whole first, then by sheet, row and column (A, B, …, Z, AA).</summary>
internal sealed class ProblemOrder : IComparer<ValueProblem>
{
    public static ProblemOrder Instance { get; } = new();

    public int Compare(ValueProblem? x, ValueProblem? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var (a, b) = (x.Problem.Place, y.Problem.Place);
        var bySheet = string.CompareOrdinal(a.Sheet, b.Sheet);
        if (bySheet != 0)
        {
            return bySheet;
        }

        var byRow = (a.Row ?? 0).CompareTo(b.Row ?? 0);
        return byRow != 0 ? byRow : TemplateLayout.ColumnNumber(a.Column).CompareTo(TemplateLayout.ColumnNumber(b.Column));
    }
}
