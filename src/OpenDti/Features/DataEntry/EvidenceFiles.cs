using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Collection;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Values;
using OpenDti.Features.Accounts;
using OpenDti.Store;
using OpenDti.Web;

namespace OpenDti.Features.DataEntry;

/// <summary>
/// Evidence files of a submission: attached and removed only by someone who may enter the unit's data, only
/// while the submission is open for entry (draft or returned), within the limits (<see cref="MaxBytes"/> a
/// file, <see cref="MaxFiles"/> a submission) and the accepted types (<see cref="EvidenceTypes"/>); read
/// back only by someone who may read the unit's data. Both attaching and removing are kept in the
/// submission's append-only history (file name, size, SHA-256, who, when), so a removed file is still
/// accounted for although its bytes are gone.
/// </summary>
public sealed class EvidenceFiles(OpenDtiDbContext db, UnitHierarchy hierarchy, TimeProvider time)
{
    /// <summary>The largest file accepted: 10 MB.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>The most files one submission may carry.</summary>
    public const int MaxFiles = 20;

    /// <summary>Attaches a file to the submission of (<paramref name="dataSet"/>, <paramref name="unit"/>, <paramref name="period"/>), starting the submission when there is none yet.</summary>
    public async Task<EvidenceOutcome> AttachAsync(
        DataSetView dataSet, ReportingUnit unit, Period period, SignedIn actor, EvidenceUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(upload);
        if (!dataSet.IsReportedBy(unit, period) || period.Start > time.Today())
        {
            return EvidenceOutcome.Refused(EvidenceRefusal.NotFound);
        }

        if (!actor.Allows(Ability.Enter, await hierarchy.AncestryAsync(unit.Id, cancellationToken)))
        {
            return EvidenceOutcome.Refused(EvidenceRefusal.Forbidden);
        }

        if (upload.MeasureCode is { Length: > 0 } code && dataSet.Fields.All(f => f.Measure.Code.Value != code))
        {
            return EvidenceOutcome.Refused(EvidenceRefusal.UnknownMeasure);
        }

        if (upload.Length > MaxBytes)
        {
            return EvidenceOutcome.Refused(EvidenceRefusal.TooLarge);
        }

        var content = await ReadAtMostAsync(upload.Content, MaxBytes, cancellationToken);
        if (content is null)
        {
            return EvidenceOutcome.Refused(EvidenceRefusal.TooLarge);
        }

        var sniffed = EvidenceTypes.Sniff(content);
        if (!sniffed.IsAccepted)
        {
            return new EvidenceOutcome(EvidenceRefusal.Unsupported, sniffed);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var submission = await db.Submissions.SingleOrDefaultAsync(
            s => s.DataSetId == dataSet.DataSet.Id && s.UnitId == unit.Id && s.Period == period, cancellationToken);
        if (submission is not null && !submission.IsOpenForEntry)
        {
            return EvidenceOutcome.Refused(EvidenceRefusal.Locked, submission.Status);
        }

        if (submission is not null && await db.Evidence.CountAsync(e => e.SubmissionId == submission.Id, cancellationToken) >= MaxFiles)
        {
            return EvidenceOutcome.Refused(EvidenceRefusal.TooMany);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var who = actor.AsActor(ValueSources.Form);
        try
        {
            if (submission is null)
            {
                submission = new Submission { DataSetId = dataSet.DataSet.Id, UnitId = unit.Id, Period = period, Status = SubmissionStatus.Draft, UpdatedAtUtc = now, ConcurrencyToken = Guid.NewGuid() };
                db.Submissions.Add(submission);
                await db.SaveChangesAsync(cancellationToken);
                db.SubmissionEvents.Add(new SubmissionEvent { SubmissionId = submission.Id, Action = SubmissionAction.Started, StatusAfter = SubmissionStatus.Draft, Actor = who, AtUtc = now });
            }

            var measureId = dataSet.Fields.FirstOrDefault(f => f.Measure.Code.Value == upload.MeasureCode)?.Measure.Id;
            var evidence = new Evidence
            {
                SubmissionId = submission.Id,
                MeasureId = measureId,
                FileName = EvidenceFileName.Clean(upload.FileName, sniffed.Name!),
                ContentType = sniffed.ContentType!,
                Length = content.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
                Content = content,
                Actor = who,
                UploadedAtUtc = now,
            };
            db.Evidence.Add(evidence);
            db.SubmissionEvents.Add(HistoryEntry(submission, SubmissionAction.EvidenceAdded, evidence.FileName, evidence.Length, evidence.Sha256, who, now));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new EvidenceOutcome(null, sniffed, evidence.Id, evidence.FileName);
        }
        catch (Exception exception) when (exception is DbUpdateException || StoreFailures.IsStorageFull(exception))
        {
            // Someone started the same submission at the same moment, or the store's disk is full (the OS said
            // ENOSPC; PostgreSQL counts that transient, so EF reports it wrapped in an InvalidOperationException):
            // either way nothing is kept and the files attached before are untouched. After ENOSPC Npgsql has
            // ended the transaction itself (rolling it back again throws); leaving the block disposes of it.
            var full = StoreFailures.IsStorageFull(exception);
            if (!full)
            {
                await transaction.RollbackAsync(cancellationToken);
            }

            db.ChangeTracker.Clear();
            return EvidenceOutcome.Refused(full ? EvidenceRefusal.StorageFull : EvidenceRefusal.Conflict);
        }
    }

    /// <summary>Removes evidence <paramref name="id"/> of the submission of (<paramref name="dataSet"/>, <paramref name="unit"/>, <paramref name="period"/>).</summary>
    public async Task<EvidenceOutcome> RemoveAsync(
        long id, DataSetView dataSet, ReportingUnit unit, Period period, SignedIn actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(actor);
        var found = await (from e in db.Evidence.AsNoTracking()
                           join s in db.Submissions.AsNoTracking() on e.SubmissionId equals s.Id
                           where e.Id == id && s.DataSetId == dataSet.DataSet.Id && s.UnitId == unit.Id && s.Period == period
                           select new { e.FileName, e.Length, e.Sha256, Submission = s }).SingleOrDefaultAsync(cancellationToken);
        var ancestry = await hierarchy.AncestryAsync(unit.Id, cancellationToken);
        if (found is null || !actor.Allows(Ability.Read, ancestry))
        {
            return EvidenceOutcome.Refused(EvidenceRefusal.NotFound);
        }

        if (!actor.Allows(Ability.Enter, ancestry))
        {
            return EvidenceOutcome.Refused(EvidenceRefusal.Forbidden);
        }

        if (!found.Submission.IsOpenForEntry)
        {
            return EvidenceOutcome.Refused(EvidenceRefusal.Locked, found.Submission.Status);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The state is read again in the transaction: a submission sent for review meanwhile keeps its files.
        var open = await db.Submissions.AnyAsync(s => s.Id == found.Submission.Id && (s.Status == SubmissionStatus.Draft || s.Status == SubmissionStatus.Returned), cancellationToken);
        if (!open || await db.Evidence.Where(e => e.Id == id).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return EvidenceOutcome.Refused(open ? EvidenceRefusal.NotFound : EvidenceRefusal.Locked);
        }

        db.SubmissionEvents.Add(HistoryEntry(
            found.Submission, SubmissionAction.EvidenceRemoved, found.FileName, found.Length, found.Sha256, actor.AsActor(ValueSources.Form), time.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new EvidenceOutcome(null, null, id, found.FileName);
    }

    /// <summary>The evidence with its bytes, when <paramref name="actor"/> may read the unit's data; otherwise null.</summary>
    public async Task<Evidence?> OpenAsync(long id, SignedIn actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var found = await (from e in db.Evidence.AsNoTracking()
                           join s in db.Submissions on e.SubmissionId equals s.Id
                           where e.Id == id
                           select new { Evidence = e, s.UnitId }).SingleOrDefaultAsync(cancellationToken);
        return found is not null && actor.Allows(Ability.Read, await hierarchy.AncestryAsync(found.UnitId, cancellationToken))
            ? found.Evidence
            : null;
    }

    /// <summary>The files of a submission, without their bytes, in the order they were attached.</summary>
    public async Task<IReadOnlyList<EvidenceItem>> ListAsync(long submissionId, CancellationToken cancellationToken) =>
        await db.Evidence.AsNoTracking()
            .Where(e => e.SubmissionId == submissionId)
            .OrderBy(e => e.Id)
            .Select(e => new EvidenceItem(e.Id, e.MeasureId, e.FileName, e.ContentType, e.Length, e.Sha256, e.Actor.Name, e.UploadedAtUtc))
            .ToListAsync(cancellationToken);

    private static SubmissionEvent HistoryEntry(Submission submission, SubmissionAction action, string fileName, long length, string sha256, Actor who, DateTime now) => new()
    {
        SubmissionId = submission.Id,
        Action = action,
        StatusAfter = submission.Status,
        Actor = who,
        AtUtc = now,
        Comment = string.Create(CultureInfo.InvariantCulture, $"{fileName} ({length} bytes, SHA-256 {sha256})"),
    };

    /// <summary>The stream's bytes, or null when it holds more than <paramref name="limit"/> (whatever its declared length).</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream stream, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

/// <summary>A file as it came in: its claimed name, declared length, bytes, and the measure it supports (null: the whole submission).</summary>
public sealed record EvidenceUpload(string? FileName, long Length, Stream Content, string? MeasureCode);

/// <summary>An attached file, as lists show it.</summary>
public sealed record EvidenceItem(long Id, int? MeasureId, string FileName, string ContentType, long Length, string Sha256, string UploadedBy, DateTime UploadedAtUtc);

/// <summary>Why an evidence operation was refused.</summary>
public enum EvidenceRefusal
{
    /// <summary>No such file or form for this person (another unit's, or not reported): 404.</summary>
    NotFound,

    /// <summary>May read but not enter the unit's data: 403.</summary>
    Forbidden,

    /// <summary>The submission is submitted or approved: 409.</summary>
    Locked,

    /// <summary>Over <see cref="EvidenceFiles.MaxBytes"/>: 413.</summary>
    TooLarge,

    /// <summary>The submission already has <see cref="EvidenceFiles.MaxFiles"/> files: 409.</summary>
    TooMany,

    /// <summary>Not an accepted type, judged from the bytes: 415.</summary>
    Unsupported,

    /// <summary>The measure is not on the data set's form: 422.</summary>
    UnknownMeasure,

    /// <summary>Someone started the same submission at the same moment: 409.</summary>
    Conflict,

    /// <summary>The store's disk is full: nothing was saved, 507.</summary>
    StorageFull,
}

/// <summary>The outcome of an evidence operation.</summary>
public sealed record EvidenceOutcome(EvidenceRefusal? Refusal, SniffResult? Sniffed, long? Id = null, string? FileName = null, SubmissionStatus? Status = null)
{
    /// <summary>True when the operation was carried out.</summary>
    public bool Succeeded => Refusal is null;

    internal static EvidenceOutcome Refused(EvidenceRefusal refusal, SubmissionStatus? status = null) => new(refusal, null, Status: status);
}
