namespace OpenDti.Features.Submissions;

/// <summary>A submission in a list: which report, where it stands, and its version for the next step.</summary>
public sealed record SubmissionSummary(
    long Id,
    string DataSet,
    string DataSetName,
    string? DataSetNameEn,
    string Unit,
    string UnitName,
    string? Province,
    string? ProvinceName,
    string Period,
    string Status,
    Guid Version,
    int ApprovalCount,
    string? ReviewComment,
    DateTime? SubmittedAtUtc,
    DateTime UpdatedAtUtc);

/// <summary>Submissions the caller may read, oldest submitted first; <c>Truncated</c> when there were more.</summary>
public sealed record SubmissionList(bool Truncated, IReadOnlyList<SubmissionSummary> Submissions);

/// <summary>
/// One submission with everything a reviewer weighs: its values, its history, its evidence, what changed
/// since the last approval, and the steps the caller may take now (<c>submit</c>, <c>return</c>,
/// <c>approve</c>, <c>reopen</c>). Each step needs <c>Version</c>, so that a step taken on a state
/// someone else has changed meanwhile is refused.
/// </summary>
public sealed record SubmissionDetail(
    long Id,
    string DataSet,
    string DataSetName,
    string? DataSetNameEn,
    string Unit,
    string UnitName,
    string? Province,
    string? ProvinceName,
    string Period,
    string Status,
    Guid Version,
    int ApprovalCount,
    string? ReviewComment,
    DateTime? SubmittedAtUtc,
    DateTime UpdatedAtUtc,
    DateOnly Deadline,
    string? LastSubmittedBy,
    IReadOnlyList<string> Actions,
    IReadOnlyList<SubmissionValue> Values,
    IReadOnlyList<SubmissionStep> History,
    IReadOnlyList<EvidenceItem> Evidence,
    IReadOnlyList<ValueChange> Changes);

/// <summary>One value of the submission as stored now, with the version to write it conditionally.</summary>
public sealed record SubmissionValue(
    string Measure, string Name, string? NameEn, string UnitOfMeasure, bool Required, double? Value, string? Comment, string? Source, Guid? Version, DateTime? UpdatedAtUtc);

/// <summary>One step of the history: what, the status after it, who, through what, from where, when and why.</summary>
public sealed record SubmissionStep(
    long Id, string Action, string StatusAfter, string By, string Channel, bool ViaApiKey, string? Address, DateTime AtUtc, string? Comment);

/// <summary>An evidence file: its name, sniffed type, size and hash, and where to download it.</summary>
public sealed record EvidenceItem(
    long Id, string FileName, string ContentType, long Length, string Sha256, string? Measure, string By, DateTime UploadedAtUtc, string Url);

/// <summary>A step taken: the submission's new status and the version for the next one.</summary>
public sealed record SubmissionState(long Id, string Status, Guid Version);

/// <summary>The body of a step: the version the caller saw (required) and the reason (required to return or reopen).</summary>
public sealed record SubmissionActionRequest(Guid? Version, string? Reason);
