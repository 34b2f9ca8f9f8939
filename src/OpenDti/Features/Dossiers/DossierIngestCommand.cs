using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using OpenDti.Cli;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Dossiers;
using OpenDti.Domain.Values;
using OpenDti.Dossiers.Input;

namespace OpenDti.Features.Dossiers;

/// <summary>
/// <c>dossiers ingest --input FILE.csv [--catalogue CAT.csv] [--skip-invalid] [--progress] [--db …]</c> (or <c>dossiers ingest FILE.csv</c>):
/// stores the dossiers' state and recomputes the KPI values they touch; a catalogue replaces the stored one. The operator of the store acts for
/// every unit; the audit trail records the system user through the channel "ingestion".
/// </summary>
internal static class DossierIngestCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("FILE") { Description = "Tệp hồ sơ xuất ra / dossier export CSV", Arity = ArgumentArity.ZeroOrOne };
        var input = new Option<string?>("--input") { Description = "Tệp hồ sơ xuất ra / dossier export CSV (hoặc đối số FILE / or the FILE argument)" };
        var catalogue = new Option<string?>("--catalogue") { Description = "Danh mục thủ tục, thay danh mục đã lưu / procedure catalogue CSV (procedure_code, name, sector, service_level), replacing the stored one" };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Bỏ qua dòng lỗi, ghi chúng ra FILE.rejected.csv / skip bad rows, writing them to FILE.rejected.csv" };
        var progress = new Option<bool>("--progress") { Description = "Hiện tiến độ trên stderr / show progress on stderr (shown anyway on a terminal)" };
        var db = StoreOption.Create();
        var command = new Command("ingest", "Lưu trạng thái hồ sơ và tính lại số liệu KPI / store dossier states and recompute KPI values")
        {
            file, input, catalogue, skipInvalid, progress, db,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(input) ?? parse.GetValue(file), parse.GetValue(catalogue), parse.GetValue(skipInvalid), parse.GetValue(progress) || !Console.IsErrorRedirected, parse.GetValue(db), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? path, string? cataloguePath, bool skipInvalid, bool showProgress, string? store, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            return CliOutput.Fail("--input: cần tệp hồ sơ / a dossier file is needed (dossiers ingest --input FILE.csv)");
        }

        foreach (var given in new[] { path, cataloguePath }.OfType<string>())
        {
            if (!File.Exists(given))
            {
                return CliOutput.Fail($"{given}: không tìm thấy tệp / file not found");
            }
        }

        await using var context = await StoreOption.OpenAsync(store, cancellationToken);
        var ingest = new DossierIngest(context, TimeProvider.System, NullLogger<DossierIngest>.Instance);
        var actor = new Actor { Name = $"{Environment.UserName} (dòng lệnh / command line)", Channel = ValueSources.Ingestion };
        var name = Path.GetFileName(path);
        var ingestion = await ingest.CreateAsync(path, name, ValueSources.Cli, actor, skipInvalid, DossierIngestionStatus.Running, cancellationToken);
        var progress = new DossierProgress();
        var phase = "checking";
        var clock = Stopwatch.StartNew();
        DossierIngestResult result;
        using (showProgress ? new ConsoleProgress(final => IngestProgressText(progress, phase, clock, final)) : null)
        {
            result = await ingest.RunAsync(ingestion, new DossierIngestRequest
            {
                Path = path,
                FileName = name,
                SkipInvalid = skipInvalid,
                RejectedRowsPath = Path.ChangeExtension(path, null) + ".rejected.csv",
                CataloguePath = cataloguePath,
                CatalogueName = cataloguePath is null ? null : Path.GetFileName(cataloguePath),
                RecordedAs = actor,
                Progress = progress,
                OnPhase = p => phase = p,
            }, cancellationToken);
        }

        if (result.Outcome != DossierIngestOutcome.Succeeded)
        {
            return CliOutput.Fail(DossierIngest.Describe(result) + Environment.NewLine
                + "Không ghi gì; sửa tệp hoặc dùng --skip-invalid / nothing written; fix the file or use --skip-invalid");
        }

        if (result.RejectedRowsPath is { } rejectedPath)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.RejectedRows} dòng lỗi đã bỏ qua / invalid rows skipped → {rejectedPath}"));
        }

        if (result.SameFileAs is { } earlier)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Tệp này đã được nạp (lần nạp {earlier}); không tính hai lần / this file was ingested before (ingestion {earlier}); nothing counts twice"));
        }

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Rows} dòng / rows: {result.Added} hồ sơ mới / new dossiers, {result.Updated} cập nhật / replaced, {result.Unchanged} không đổi / unchanged; {result.Cells} ô (đơn vị, tháng) / (unit, month) cells; {result.ValuesWritten} giá trị đã ghi / values written (lần nạp / ingestion {result.IngestionId}, {clock.Elapsed.TotalSeconds:0.0} s)"));
        return 0;
    }

    /// <summary>A bar of the bytes read in the current pass (checking, then writing).</summary>
    private static string IngestProgressText(DossierProgress progress, string phase, Stopwatch clock, bool final)
    {
        const int Width = 30;
        var total = Math.Max(progress.TotalBytes, 1);
        var share = final ? 1 : Math.Clamp((double)progress.Bytes / total, 0, 1);
        var filled = (int)(share * Width);
        var label = phase == "checking" ? "kiểm tra / checking" : "ghi / writing";
        return string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('.', Width - filled)}] {share:P0} {label}: {progress.Lines:N0} dòng / lines, {clock.Elapsed.TotalSeconds:0} s");
    }
}
