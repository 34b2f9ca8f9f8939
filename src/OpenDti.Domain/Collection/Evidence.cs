using OpenDti.Domain.Accounts;

namespace OpenDti.Domain.Collection;

/// <summary>
/// A file attached to a submission as evidence (a signed report, a screenshot). Kept in the store, so
/// that every web instance serves it, and only ever sent back as a download.
/// </summary>
public sealed class Evidence
{
    /// <summary>The store's identity.</summary>
    public long Id { get; set; }

    /// <summary>The submission it supports.</summary>
    public long SubmissionId { get; init; }

    /// <summary>The measure it supports, or null for the whole submission.</summary>
    public int? MeasureId { get; init; }

    /// <summary>The file name as uploaded, cleaned of paths and control characters (NFC).</summary>
    public required string FileName { get; init; }

    /// <summary>The content type decided from the file's first bytes, never from what the browser said.</summary>
    public required string ContentType { get; init; }

    /// <summary>Size in bytes.</summary>
    public long Length { get; init; }

    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The bytes.</summary>
    public required byte[] Content { get; init; }

    /// <summary>Who attached it.</summary>
    public required Actor Actor { get; init; }

    /// <summary>When (UTC).</summary>
    public DateTime UploadedAtUtc { get; init; }
}
