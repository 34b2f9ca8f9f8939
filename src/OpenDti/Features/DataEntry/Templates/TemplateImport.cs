using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Collection;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Text;
using OpenDti.Domain.Values;
using OpenDti.Features.Accounts;
using OpenDti.Store;
using OpenDti.Store.Model;

namespace OpenDti.Features.DataEntry.Templates;

/// <summary>
/// Takes an uploaded template (XLSX or CSV) for a (data set, period) whole or not at all. It reads the file
/// with bounded resources, checks every cell — its type and range, its unit (known, reporting, yours to
/// enter), its submission (open for entry), its version (nobody changed the value since the download) —
/// and lists every problem with its place; only a file without any goes to <see cref="ValueWriter"/>, as one
/// batch through the upload channel, audited with the file's name.
/// </summary>
/// <remarks>
/// Cells left as downloaded, or equal to what is stored, are not written: a value someone changed after the
/// download is then kept, not overwritten by the template's older copy. A changed cell is written on the
/// condition that the stored value is still the downloaded one, unless the user asks to overwrite newer values.
/// </remarks>
public sealed partial class TemplateImport(
    OpenDtiDbContext db,
    DataSetCatalog catalog,
    TemplateQueries queries,
    UnitHierarchy hierarchy,
    ValueWriter writer,
    IOptions<UploadLimits> limits,
    IStringLocalizer<SharedResource> localizer,
    TimeProvider time,
    ILogger<TemplateImport> logger)
{
    private static readonly byte[] ZipStart = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleStart = [0xD0, 0xCF, 0x11, 0xE0];

    public async Task<UploadOutcome> ImportAsync(UploadRequest request, SignedIn actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        var fileName = CleanFileName(request.FileName);
        var (dataSet, period, refusal) = await TemplateQueries.DataSetAndPeriodAsync(catalog, time, request.DataSet, request.Period, cancellationToken);
        if (refusal is not null)
        {
            return new UploadOutcome(fileName, refusal, [], 0, 0, []);
        }

        var text = new UploadText(localizer, fileName);
        var (bytes, problem) = await ReadBytesAsync(request, text, cancellationToken);
        var file = problem is not null ? UploadedFile.Failed(problem) : Parse(bytes!, fileName, dataSet!, period, text);
        if (file.Cells.Count > ValueWriter.MaxBatch)
        {
            file.Problems.Add(UploadText.Problem("batch.too-large", text.File, text["at most {0} values in one file", ValueWriter.MaxBatch], text["upload.{0} values", file.Cells.Count]));
        }

        var (inputs, unchanged) = await CheckAsync(file, dataSet!, period, actor, request.Overwrite, text, cancellationToken);
        if (file.Problems.Count > 0)
        {
            LogRejected(logger, fileName, dataSet!.DataSet.Code, period, file.Problems.Count);
            return UploadOutcome.Refused(fileName, [.. file.Problems.OrderBy(p => p, ProblemOrder.Instance)]);
        }

        if (inputs.Count == 0)
        {
            return new UploadOutcome(fileName, null, [], 0, unchanged, []);
        }

        var reason = request.Overwrite ? $"tệp {fileName}; ghi đè giá trị mới hơn / overwrite newer values" : $"tệp {fileName}";
        var result = await writer.WriteAsync(inputs, actor, ValueSources.Upload, dataSet!.DataSet.Code, reason[..Math.Min(reason.Length, ValueLimits.CommentLength)], cancellationToken);
        if (!result.Succeeded)
        {
            LogRejected(logger, fileName, dataSet.DataSet.Code, period, result.Problems.Count);
            return UploadOutcome.Refused(fileName, [.. result.Problems.OrderBy(p => p, ProblemOrder.Instance)]);
        }

        LogTaken(logger, fileName, dataSet.DataSet.Code, period, result.Written, result.Unchanged + unchanged);
        return new UploadOutcome(fileName, null, [], result.Written, result.Unchanged + unchanged, result.Breaches);
    }

    private async Task<(byte[]? Bytes, ValueProblem? Problem)> ReadBytesAsync(UploadRequest request, UploadText text, CancellationToken cancellationToken)
    {
        var max = limits.Value.MaxBytes;
        ValueProblem TooLarge(long found) => UploadText.Problem("file.too-large", text.File,
            text["a file of at most {0} MB", max >> 20], text["upload.{0} MB", Math.Round(found / 1048576.0, 1).ToString(CultureInfo.CurrentCulture)]);
        if (request.Length > max)
        {
            return (null, TooLarge(request.Length));
        }

        // The declared length may be wrong: read at most one byte more than allowed.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > max)
            {
                return (null, TooLarge(buffer.Length));
            }
        }

        return buffer.Length == 0
            ? (null, UploadText.Problem("file.empty", text.File, text["a template filled in (.xlsx or .csv)"], text["upload.an empty file"]))
            : (buffer.ToArray(), null);
    }

    private UploadedFile Parse(byte[] bytes, string fileName, DataSetView dataSet, Period period, UploadText text)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (bytes.AsSpan().StartsWith(ZipStart))
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return TemplateXlsxReader.Read(stream, dataSet, period, limits.Value, text);
        }

        if (bytes.AsSpan().StartsWith(OleStart))
        {
            // Excel 97–2003 workbooks and password-protected .xlsx files are both OLE compound files.
            return UploadedFile.Failed(UploadText.Problem("file.type", text.File, text["an .xlsx workbook (without a password) or a .csv file"], text["an Excel 97–2003 workbook (.xls) or a password-protected workbook"]));
        }

        return extension is ".csv" or ".txt"
            ? TemplateCsvReader.Read(bytes, dataSet, period, text)
            : UploadedFile.Failed(UploadText.Problem("file.type", text.File, text["an .xlsx workbook (without a password) or a .csv file"], text["a file of type '{0}'", extension.Length == 0 ? "?" : extension]));
    }

    /// <summary>
    /// Checks the rows and cells against the store and the actor's rights, adding problems to <paramref name="file"/>;
    /// returns the values to write and how many cells need no write.
    /// </summary>
    private async Task<(List<ValueInput> Inputs, int Unchanged)> CheckAsync(
        UploadedFile file, DataSetView dataSet, Period period, SignedIn actor, bool overwrite, UploadText text, CancellationToken cancellationToken)
    {
        var units = await ResolveUnitsAsync(file, dataSet, period, actor, text, cancellationToken);
        var unitIds = units.Values.Select(u => u.Id).Distinct().ToList();
        var measureIds = dataSet.Fields.Select(f => f.Measure.Id).ToList();
        var submissions = (await db.Submissions.AsNoTracking()
            .Where(s => s.DataSetId == dataSet.DataSet.Id && s.Period == period && unitIds.Contains(s.UnitId))
            .ToListAsync(cancellationToken)).ToDictionary(s => s.UnitId);
        var stored = (await db.DataValues.AsNoTracking()
            .Where(v => v.Period == period && unitIds.Contains(v.UnitId) && measureIds.Contains(v.MeasureId))
            .ToListAsync(cancellationToken)).ToDictionary(v => (v.UnitId, v.MeasureId));
        var fields = dataSet.Fields.ToDictionary(f => f.Measure.Code.Value, StringComparer.Ordinal);

        var inputs = new List<ValueInput>();
        var unchanged = 0;
        foreach (var cell in file.Cells)
        {
            if (!units.TryGetValue(cell.Row, out var unit) || !fields.TryGetValue(cell.MeasureCode, out var field))
            {
                continue;
            }

            var comment = Clean(cell.Comment);
            var current = stored.GetValueOrDefault((unit.Id, field.Measure.Id));
            var asDownloaded = cell.Baseline is { } baseline && baseline.Value == cell.Value && Clean(baseline.Comment) == comment;
            var asStored = current?.Value == cell.Value && current?.Comment == comment && (current is not null || cell.Value is null);
            if (asDownloaded || asStored)
            {
                unchanged += cell.Value is null ? 0 : 1;
                continue;
            }

            var before = file.Problems.Count;
            CheckValue(cell, field, comment, text, file);
            if (submissions.TryGetValue(unit.Id, out var submission) && !submission.IsOpenForEntry)
            {
                file.Problems.Add(UploadText.Problem("submission.locked", cell.Place, text["a submission in draft or returned for correction"],
                    submission.Status == SubmissionStatus.Approved ? text["an approved, locked submission: a reviewer must reopen it first"] : text["a submission waiting for review: ask the reviewer to return it"],
                    Refusal.Locked));
            }

            if (!overwrite && cell.Version is { } version && version != (current?.ConcurrencyToken ?? Guid.Empty))
            {
                file.Problems.Add(new ValueProblem(
                    new Domain.Problems.InputProblem("value.conflict", cell.Place,
                        cell.Baseline is { } downloaded ? text["the value as downloaded: {0}", Show(downloaded.Value, text)] : text["the value as you last saw it"],
                        current is null
                            ? text["it was removed meanwhile; tick 'overwrite newer values' to write yours"]
                            : text["{0}, saved at {1} UTC; tick 'overwrite newer values' to replace it", Show(current.Value, text), current.UpdatedAtUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)]),
                    Refusal.Conflict, current?.Value, current?.ConcurrencyToken));
            }

            if (file.Problems.Count == before)
            {
                inputs.Add(new ValueInput(unit.Code.Value, field.Measure.Code.Value, period.ToString(), cell.Value, comment, overwrite ? null : cell.Version, cell.Place));
            }
        }

        return (inputs, unchanged);
    }

    private static void CheckValue(UploadedCell cell, DataSetField field, string? comment, UploadText text, UploadedFile file)
    {
        var setting = field.Setting;
        if (comment is not null && cell.Value is null)
        {
            file.Problems.Add(UploadText.Problem("comment.without-value", cell.CommentPlace, text["a value beside the comment (a comment alone is not kept)"], $"'{comment}'"));
        }

        if (comment is { Length: > ValueLimits.CommentLength })
        {
            file.Problems.Add(UploadText.Problem("comment.too-long", cell.CommentPlace, text["a comment of at most {0} characters", ValueLimits.CommentLength], text["upload.{0} characters", comment.Length]));
        }

        if (cell.Value is not { } value)
        {
            return;
        }

        var wrongKind = setting.WholeNumber && value != Math.Floor(value);
        if (wrongKind || value < setting.Minimum || value > setting.Maximum)
        {
            file.Problems.Add(UploadText.Problem(wrongKind ? "value.not-whole" : "value.out-of-range", cell.Place, Rule(setting, field, text), Show(value, text)));
        }
    }

    /// <summary>"a whole number of at least 0 (hồ sơ)" in the request's language.</summary>
    private static string Rule(DataSetMeasure setting, DataSetField field, UploadText text)
    {
        var kind = setting.WholeNumber ? text["upload.a whole number"] : text["upload.a number"];
        var range = (setting.Minimum, setting.Maximum) switch
        {
            ({ } low, { } high) => text["{0} from {1} to {2}", kind, Show(low, text), Show(high, text)],
            ({ } low, null) => text["{0} of at least {1}", kind, Show(low, text)],
            (null, { } high) => text["{0} of at most {1}", kind, Show(high, text)],
            _ => kind,
        };
        return $"{range} ({field.Measure.UnitOfMeasure})";
    }

    private static string Show(double? value, UploadText text) =>
        value is { } v ? v.ToString("#,##0.##########", CultureInfo.CurrentCulture) : text["upload.none"];

    /// <summary>Each row's unit, for the rows whose unit is known, reports the data set, and is the actor's to enter.</summary>
    private async Task<Dictionary<UploadedRow, ReportingUnit>> ResolveUnitsAsync(
        UploadedFile file, DataSetView dataSet, Period period, SignedIn actor, UploadText text, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<UploadedRow, ReportingUnit>(ReferenceEqualityComparer.Instance);
        if (file.Rows.Count == 0)
        {
            return resolved;
        }

        var reporting = await queries.ReportingUnitsAsync(dataSet, period, cancellationToken);
        var byCode = reporting.ToDictionary(u => u.Code.Value, StringComparer.Ordinal);

        // Excel drops the leading zeros of a code it takes for a number ("01" becomes 1) when it opens a CSV file:
        // a code of digits is matched to the one reporting unit whose code is the same number, if only one is.
        var byNumber = reporting.Where(u => u.Code.Value.All(char.IsAsciiDigit))
            .GroupBy(u => u.Code.Value.TrimStart('0'), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count() == 1 ? g.First() : null, StringComparer.Ordinal);
        var unknown = new List<UploadedRow>();
        var allowed = new Dictionary<int, bool>();
        foreach (var row in file.Rows)
        {
            var unit = byCode.GetValueOrDefault(row.UnitCode)
                ?? (row.UnitCode.All(char.IsAsciiDigit) ? byNumber.GetValueOrDefault(row.UnitCode.TrimStart('0')) : null);
            if (unit is null)
            {
                unknown.Add(row);
                continue;
            }

            if (!allowed.TryGetValue(unit.Id, out var may))
            {
                may = allowed[unit.Id] = actor.Allows(Ability.Enter, await hierarchy.AncestryAsync(unit.Id, cancellationToken));
            }

            if (!may)
            {
                file.Problems.Add(UploadText.Problem("unit.forbidden", row.Place, text["a unit you may enter data for"], $"{unit.Code} {unit.Name}", Refusal.Forbidden));
                continue;
            }

            resolved[row] = unit;
        }

        if (unknown.Count > 0)
        {
            var codes = unknown.Select(r => r.UnitCode).Where(UnitCode.IsValid).Distinct().Select(c => new UnitCode(c)).ToList();
            var existing = (await db.Units.AsNoTracking().Where(u => codes.Contains(u.Code)).ToListAsync(cancellationToken))
                .Where(u => u.IsValidOn(period.End)).ToLookup(u => u.Code.Value, StringComparer.Ordinal);
            foreach (var row in unknown)
            {
                file.Problems.Add(existing[row.UnitCode].FirstOrDefault() is { } other
                    ? UploadText.Problem("unit.not-reporting", row.Place, text["a unit that reports {0} for {1}", dataSet.DataSet.Code, period.ToString()], $"{other.Code} {other.Name}")
                    : UploadText.Problem("unit.unknown", row.Place, text["the code of a unit in force on {0}", period.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)], $"'{row.UnitCode}'"));
            }
        }

        return resolved;
    }

    private static string? Clean(string? comment) =>
        string.IsNullOrWhiteSpace(comment) ? null : VietnameseText.Normalize(comment.Trim());

    [LoggerMessage(Level = LogLevel.Information, Message = "Upload {File} of {DataSet} {Period} rejected: {Count} problems")]
    private static partial void LogRejected(ILogger logger, string file, string dataSet, Period period, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Upload {File} of {DataSet} {Period}: {Written} written, {Unchanged} unchanged")]
    private static partial void LogTaken(ILogger logger, string file, string dataSet, Period period, int written, int unchanged);

    /// <summary>The name without any folder, control characters or more than 120 characters.</summary>
    private static string CleanFileName(string? name)
    {
        var bare = Path.GetFileName((name ?? string.Empty).Replace('\\', '/'));
        var clean = new string([.. VietnameseText.Normalize(bare).Where(c => !char.IsControl(c))]).Trim();
        return clean.Length == 0 ? "upload" : clean.Length <= 120 ? clean : clean[..120];
    }
}

/// <summary>An uploaded file for a data set and period; <see cref="Overwrite"/> writes over values changed since the download.</summary>
public sealed record UploadRequest(Stream Content, long Length, string? FileName, string DataSet, string? Period, bool Overwrite);
