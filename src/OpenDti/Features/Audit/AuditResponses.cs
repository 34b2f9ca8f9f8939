namespace OpenDti.Features.Audit;

/// <summary>
/// The audit trail of a unit (all its values), of one value (<c>Measure</c> and <c>Period</c>), or of a
/// unit's period: the value changes newest first, one page at a time, and the steps of the unit's
/// submissions (newest first, not paged: there are few).
/// </summary>
public sealed record AuditTrail(
    string Unit,
    string UnitName,
    string? Measure,
    string? MeasureName,
    string? Period,
    int Page,
    int PageSize,
    int Total,
    IReadOnlyList<ValueChangeEntry> Changes,
    IReadOnlyList<SubmissionEventEntry> Events);

/// <summary>
/// One change of one value: when, who, through which channel (form, upload, api, ingestion, events, review,
/// cli, demo; <c>ViaApiKey</c> for a key), from which address, the old and new value and comment, and why.
/// </summary>
public sealed record ValueChangeEntry(
    long Id,
    DateTime AtUtc,
    string Measure,
    string MeasureName,
    string? MeasureNameEn,
    string UnitOfMeasure,
    string Period,
    double? OldValue,
    double? NewValue,
    string? OldComment,
    string? NewComment,
    string? Reason,
    string By,
    string Channel,
    bool ViaApiKey,
    string? Address);

/// <summary>One step of one of the unit's submissions (started, submitted, returned, approved, reopened).</summary>
public sealed record SubmissionEventEntry(
    long Id, long Submission, string DataSet, string Period, DateTime AtUtc, string Action, string StatusAfter, string By, string Channel, bool ViaApiKey, string? Address, string? Comment);
