namespace OpenDti.Domain.Targets;

/// <summary>
/// A programme document: a national decision (Decision 749/QĐ-TTg) or a document that makes it concrete
/// for a unit ("cụ thể hóa": a provincial resolution, plan or project). Documents form a tree through
/// <see cref="ParentId"/>; each carries its own <see cref="Target"/>s.
/// </summary>
public sealed class PolicyDocument
{
    /// <summary>The longest number, issuer or kind kept.</summary>
    public const int ShortTextLength = 100;

    /// <summary>The longest title kept.</summary>
    public const int TitleLength = 500;

    /// <summary>The store's identity.</summary>
    public int Id { get; set; }

    /// <summary>The official number, e.g. "749/QĐ-TTg" or "05-NQ/TU".</summary>
    public required string Number { get; set; }

    /// <summary>The title, in Vietnamese.</summary>
    public required string Title { get; set; }

    /// <summary>The title in English, when known.</summary>
    public string? TitleEn { get; set; }

    /// <summary>What kind of document it is.</summary>
    public PolicyDocumentKind Kind { get; set; }

    /// <summary>Who issued it, e.g. "Thủ tướng Chính phủ", "Tỉnh ủy".</summary>
    public required string Issuer { get; set; }

    /// <summary>The day it was signed.</summary>
    public DateOnly IssuedOn { get; set; }

    /// <summary>The unit it applies to: the nation for a national decision, a province for its resolution.</summary>
    public int ScopeUnitId { get; set; }

    /// <summary>The document it makes concrete, if any.</summary>
    public int? ParentId { get; set; }

    /// <summary>Where its text can be read (an address on the web), if known.</summary>
    public string? Link { get; set; }

    /// <summary>Where its figures were taken from, when not from the document itself.</summary>
    public string? Source { get; set; }

    /// <summary>Who recorded it ("seed" for the national seed).</summary>
    public required string CreatedBy { get; init; }

    /// <summary>When it was recorded (UTC).</summary>
    public DateTime CreatedAtUtc { get; init; }

    /// <summary>Its targets.</summary>
    public List<Target> Targets { get; } = [];
}
