using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using OpenDti.Domain.Problems;
using OpenDti.Dossiers.Input;
using OpenDti.Dossiers.Kpis;
using OpenDti.Dossiers.Output;
using OpenDti.Dossiers.Spill;

namespace OpenDti.Cli;

/// <summary>
/// <c>dossiers kpis --input FILE.csv [--catalogue CAT.csv] [--units UNITS.csv] --out KPIS.csv [--skip-invalid] [--progress]</c>:
/// one-stop-shop dossier exports to KPIs per unit and month, on files, without a database.
/// </summary>
internal static class DossiersCommand
{
    public static Command Create() => new("dossiers", "Hồ sơ một cửa / one-stop-shop dossiers") { CreateKpis(), Features.Dossiers.DossierIngestCommand.Create() };

    private static Command CreateKpis()
    {
        var input = new Option<string>("--input") { Required = true, Description = "Tệp hồ sơ xuất ra / dossier export CSV" };
        var catalogue = new Option<string?>("--catalogue") { Description = "Danh mục thủ tục / procedure catalogue CSV (procedure_code, name, sector, service_level)" };
        var units = new Option<string?>("--units") { Description = "Cây đơn vị / unit hierarchy CSV (code, parent_code); không có: chỉ cộng lên toàn quốc / without it: roll up to the nation only" };
        var output = new Option<string>("--out") { Required = true, Description = "Tệp KPI / KPI CSV to write" };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Bỏ qua dòng lỗi, ghi chúng ra tệp .rejected.csv / skip bad rows, writing them to a .rejected.csv side file" };
        var progress = new Option<bool>("--progress") { Description = "Hiện tiến độ trên stderr / show progress on stderr (shown anyway on a terminal)" };
        var threads = new Option<int?>("--threads") { Description = "Số luồng đọc / reading threads (default: all cores; 1 reads sequentially)" };
        var tempDir = new Option<string?>("--temp-dir") { Description = "Thư mục cho tệp tạm, cần khoảng nửa dung lượng tệp vào / folder for temporary files, about half the input's size (default: the system's)" };
        var command = new Command("kpis", "Tính KPI theo đơn vị và tháng ra CSV / compute KPIs per unit and month as CSV")
        {
            input, catalogue, units, output, skipInvalid, progress, threads, tempDir,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(
            parse.GetRequiredValue(input), parse.GetValue(catalogue), parse.GetValue(units), parse.GetRequiredValue(output),
            parse.GetValue(skipInvalid), parse.GetValue(progress) || !Console.IsErrorRedirected, parse.GetValue(threads), parse.GetValue(tempDir), cancellationToken)));
        return command;
    }

    private static int Run(string input, string? cataloguePath, string? unitsPath, string output, bool skipInvalid, bool showProgress, int? threads,
        string? tempDir, CancellationToken cancellationToken)
    {
        foreach (var path in new[] { input, cataloguePath, unitsPath }.OfType<string>())
        {
            if (!File.Exists(path))
            {
                return CliOutput.Fail($"{path}: không tìm thấy tệp / file not found");
            }
        }

        ProcedureCatalogue? catalogue = null;
        if (cataloguePath is not null)
        {
            using var stream = File.OpenRead(cataloguePath);
            var (loaded, problems) = ProcedureCatalogue.Load(stream, Path.GetFileName(cataloguePath));
            if (loaded is null)
            {
                return Fail(problems, problems.Count);
            }

            catalogue = loaded;
        }

        var hierarchy = UnitHierarchy.Flat;
        if (unitsPath is not null)
        {
            using var stream = File.OpenRead(unitsPath);
            var (loaded, problems) = UnitHierarchy.Load(stream, Path.GetFileName(unitsPath));
            if (loaded is null)
            {
                return Fail(problems, problems.Count);
            }

            hierarchy = loaded;
        }

        var progress = new DossierProgress();
        var options = new DossierKpiOptions
        {
            Catalogue = catalogue,
            Units = hierarchy,
            SkipInvalid = skipInvalid,
            Progress = progress,
            SourceName = Path.GetFileName(input),
            Threads = threads ?? Environment.ProcessorCount,
            TempDirectory = tempDir,
            RejectedRowsPath = KpiFiles.RejectedPath(output),
        };
        var clock = Stopwatch.StartNew();
        DossierKpiResult result;
        try
        {
            using (showProgress ? new ConsoleProgress(_ => KpiProgressText(progress, clock)) : null)
            {
                result = DossierKpis.Compute(input, options, cancellationToken);
            }
        }
        catch (ScratchSpaceException e)
        {
            return CliOutput.Fail(e.Message);
        }

        if (result.ProblemCount > 0 && !skipInvalid)
        {
            return Fail(result.Problems, result.ProblemCount);
        }

        if (KpiFiles.Write(result, output) is { } rejectedPath)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.RejectedRows} dòng lỗi đã bỏ qua / invalid rows skipped → {rejectedPath}"));
        }

        if (result.UnknownProcedureRows > 0)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.UnknownProcedureRows} hồ sơ có mã thủ tục ngoài danh mục, tính là không toàn trình / dossiers of procedures not in the catalogue, counted as not full online"));
        }

        if (result.UnitsOutsideHierarchy.Count > 0)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.UnitsOutsideHierarchy.Count} đơn vị không có trong cây đơn vị, cộng thẳng lên toàn quốc / units not in the hierarchy, rolled up into the nation: {string.Join(", ", result.UnitsOutsideHierarchy.Take(10))}"));
        }

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.ValidRows} dòng / rows ({result.ReplacedRows} thay bằng dòng sau cùng hồ sơ / replaced by a later row of the same dossier) → {result.Rows.Count} dòng KPI / KPI rows → {output} ({clock.Elapsed.TotalSeconds:0.0} s)"));
        return 0;
    }

    private static int Fail(IReadOnlyList<InputProblem> problems, long total)
    {
        var lines = problems.Select(p =>
        {
            var line = p.Place.Row is { } r ? string.Create(CultureInfo.InvariantCulture, $", dòng / line {r}") : "";
            var column = p.Place.Column is { } c ? $", cột / column {c}" : "";
            var found = p.Found is null ? "" : $"; tìm thấy / found \"{p.Found}\"";
            return $"{p.Place.Source}{line}{column}: cần / expected {p.Expected}{found}";
        }).ToList();
        if (total > problems.Count)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"… {total} lỗi tất cả / problems in all"));
        }

        lines.Add("Không ghi tệp nào; sửa tệp hoặc dùng --skip-invalid / nothing written; fix the file or use --skip-invalid");
        return CliOutput.Fail(string.Join(Environment.NewLine, lines));
    }

    /// <summary>Rows read, megabytes of the file and the rate so far; then the step after the read.</summary>
    private static string KpiProgressText(DossierProgress progress, Stopwatch clock)
    {
        if (progress.Stage is { } stage)
        {
            var steps = progress.StageTotal > 0 ? string.Create(CultureInfo.InvariantCulture, $" {progress.StageDone:N0} / {progress.StageTotal:N0}") : "";
            return string.Create(CultureInfo.InvariantCulture, $"{stage}{steps} ({clock.Elapsed.TotalSeconds:0} s)");
        }

        var megabytes = progress.Bytes / 1e6;
        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-3);
        return string.Create(CultureInfo.InvariantCulture,
            $"{progress.Lines:N0} dòng / lines, {megabytes:N0} / {progress.TotalBytes / 1e6:N0} MB, {megabytes / seconds:N0} MB/s");
    }
}
