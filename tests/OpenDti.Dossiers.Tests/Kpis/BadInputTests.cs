using OpenDti.Dossiers.Output;

namespace OpenDti.Dossiers.Tests.Kpis;

public sealed class BadInputTests : IDisposable
{
    private readonly ExportFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static string WithBadRows => ExportFiles.Header + "\n"
        + HandMade.Rows[0] + "\n"
        + "D2,P2,01001,counter,31/02/2025 09:00:00,05/03/2025 17:00:00,,processing\n"  // line 3: no 31 February
        + "D3,P1,01001,online,2025-03-20 10:00:00,2025-03-25 17:00:00\n"                // line 4: two columns short
        + "D4,P3,01001,fax,2025-03-28 10:00:00,2025-04-05 17:00:00,,processing\n"       // line 5: unknown channel
        + HandMade.Rows[4] + "\n";

    [Fact]
    public void MalformedRows_RefuseTheFile_NamingLineAndColumn()
    {
        var result = _files.Compute(WithBadRows);

        Assert.True(result.IsRefused);
        Assert.Empty(result.Rows);
        Assert.Equal(
            [(3, "received_at", "dossiers.bad-date", "31/02/2025 09:00:00"), (4, "finished_at", "dossiers.column-count", "6"), (5, "channel", "dossiers.unknown-channel", "fax")],
            result.Problems.Select(p => (p.Place.Row!.Value, p.Place.Column!, p.Code, p.Found!)));
        Assert.All(result.Problems, p => Assert.Equal("dossiers.csv", p.Place.Source));
    }

    [Fact]
    public void MissingColumn_IsNamedWithTheAcceptedNames()
    {
        var file = "dossier_id,procedure_code,unit_code,received_at,due_at,finished_at,status\nD1,P1,01001,2025-03-03,2025-03-05,,open\n";

        var problem = Assert.Single(_files.Compute(file).Problems);

        Assert.Equal(("dossiers.missing-column", 1, "channel"), (problem.Code, problem.Place.Row, problem.Place.Column));
        Assert.Contains("kênh_nộp", problem.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void FinishedBeforeReceived_IsRefused()
    {
        var file = ExportFiles.Header + "\nD1,P1,01001,online,2025-03-03 08:00:00,2025-03-10 17:00:00,2025-03-02 08:00:00,done\n";

        var problem = Assert.Single(_files.Compute(file).Problems);

        Assert.Equal((2, "finished_at", "dossiers.finished-before-received"), (problem.Place.Row!.Value, problem.Place.Column!, problem.Code));
    }

    [Fact]
    public void UnterminatedQuote_IsRefusedAtTheLineWhereTheRowStarts()
    {
        var file = ExportFiles.Header + "\n" + HandMade.Rows[0] + "\nD2,P2,01001,counter,2025-03-03,2025-03-05,,\"open\nstill open\n";

        var problem = Assert.Single(_files.Compute(file).Problems);

        Assert.Equal(("dossiers.unterminated-quote", 3), (problem.Code, problem.Place.Row!.Value));
    }

    [Fact]
    public void SkipInvalid_CountsTheValidRows_AndWritesTheOthersBeside()
    {
        var result = _files.Compute(WithBadRows, skipInvalid: true);
        var kpis = Path.Combine(_files.Directory, "out", "kpis.csv");

        var rejectedPath = KpiFiles.Write(result, kpis);

        Assert.Equal(3, result.RejectedRows);
        Assert.Equal(2, DossierKpisTests.Row(result, "VN", "all").Received);
        Assert.Equal(Path.Combine(_files.Directory, "out", "kpis.rejected.csv"), rejectedPath);
        var lines = File.ReadAllLines(rejectedPath!);
        Assert.Equal("line,column,problem,expected,found,row", lines[0]);
        Assert.Equal(["3", "4", "5"], lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.EndsWith(",\"D4,P3,01001,fax,2025-03-28 10:00:00,2025-04-05 17:00:00,,processing\"", lines[3], StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllLines(kpis).Count(l => l.StartsWith("VN,", StringComparison.Ordinal)));
    }

    [Fact]
    public void RefusedFile_WritesNoFile()
    {
        var result = _files.Compute(WithBadRows);
        var kpis = Path.Combine(_files.Directory, "kpis.csv");

        Assert.Throws<InvalidOperationException>(() => KpiFiles.Write(result, kpis));

        Assert.False(File.Exists(kpis));
        Assert.Empty(Directory.GetFiles(_files.Directory, "*kpis*"));
    }
}
