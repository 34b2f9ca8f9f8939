using OpenDti.Domain.Accounts;
using OpenDti.Domain.Values;

namespace OpenDti.Domain.Collection;

/// <summary>
/// One unit's report of one data set for one period, and where it stands: draft → submitted → approved
/// (locked), or returned with a comment and then submitted again. Values live in the data-value table;
/// the submission decides who may change them.
/// </summary>
public sealed class Submission
{
    /// <summary>The store's identity.</summary>
    public long Id { get; set; }

    /// <summary>The data set.</summary>
    public int DataSetId { get; init; }

    /// <summary>The reporting unit.</summary>
    public int UnitId { get; init; }

    /// <summary>The period.</summary>
    public required Period Period { get; init; }

    /// <summary>Where it stands.</summary>
    public SubmissionStatus Status { get; set; }

    /// <summary>How many times it has been approved (an approval after a reopening counts again).</summary>
    public int ApprovalCount { get; set; }

    /// <summary>The last comment of a reviewer (why it was returned or reopened).</summary>
    public string? ReviewComment { get; set; }

    /// <summary>When it was last submitted (UTC).</summary>
    public DateTime? SubmittedAtUtc { get; set; }

    /// <summary>When it last changed state (UTC).</summary>
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Renewed on every change so that two reviewers cannot act on the same state twice.</summary>
    public Guid ConcurrencyToken { get; set; }

    /// <summary>True when values may be changed by data entry: a draft or a returned submission.</summary>
    public bool IsOpenForEntry => Status is SubmissionStatus.Draft or SubmissionStatus.Returned;
}

/// <summary>Where a submission stands.</summary>
public enum SubmissionStatus
{
    /// <summary>Being filled in; values saved so far survive a closed browser.</summary>
    Draft = 0,

    /// <summary>Sent for review; no longer editable by data entry.</summary>
    Submitted = 1,

    /// <summary>Sent back by a reviewer with a comment; editable again.</summary>
    Returned = 2,

    /// <summary>Approved and locked; only a reviewer can reopen it, with a reason.</summary>
    Approved = 3,
}

/// <summary>One step in a submission's history; append-only.</summary>
public sealed class SubmissionEvent
{
    /// <summary>The store's identity.</summary>
    public long Id { get; set; }

    /// <summary>The submission.</summary>
    public long SubmissionId { get; init; }

    /// <summary>What happened.</summary>
    public SubmissionAction Action { get; init; }

    /// <summary>The status after the step.</summary>
    public SubmissionStatus StatusAfter { get; init; }

    /// <summary>Who did it.</summary>
    public required Actor Actor { get; init; }

    /// <summary>When (UTC).</summary>
    public DateTime AtUtc { get; init; }

    /// <summary>The comment or reason given.</summary>
    public string? Comment { get; init; }
}

/// <summary>The steps of a submission's life.</summary>
public enum SubmissionAction
{
    /// <summary>First value saved.</summary>
    Started = 0,

    /// <summary>Sent for review.</summary>
    Submitted = 1,

    /// <summary>Sent back with a comment.</summary>
    Returned = 2,

    /// <summary>Approved and locked.</summary>
    Approved = 3,

    /// <summary>An approved submission opened again by a reviewer, with a reason.</summary>
    Reopened = 4,

    /// <summary>An evidence file attached (the comment names the file, its size and SHA-256); the status does not change.</summary>
    EvidenceAdded = 5,

    /// <summary>An evidence file removed while the submission was open for entry (the comment names it); the status does not change.</summary>
    EvidenceRemoved = 6,
}

/// <summary>A value as it was when a submission was approved, so the next approval can show what changed.</summary>
public sealed class ApprovedValue
{
    /// <summary>The store's identity.</summary>
    public long Id { get; set; }

    /// <summary>The submission.</summary>
    public long SubmissionId { get; init; }

    /// <summary>Which approval (1 for the first).</summary>
    public int ApprovalNumber { get; init; }

    /// <summary>The measure.</summary>
    public int MeasureId { get; init; }

    /// <summary>The value approved; null when the measure had none.</summary>
    public double? Value { get; init; }
}
