namespace OpenDti.Features.Targets;

/// <summary>A new programme document: <c>POST /api/v1/targets/documents</c>, the form, a row of an XLSX file.</summary>
public sealed record PolicyDocumentRequest
{
    public string? Number { get; init; }

    public string? Title { get; init; }

    public string? TitleEn { get; init; }

    /// <summary>decision, resolution, plan, project or other.</summary>
    public string? Kind { get; init; }

    public string? Issuer { get; init; }

    /// <summary>The day it was signed, ISO (2021-09-15).</summary>
    public string? IssuedOn { get; init; }

    /// <summary>The code of the unit it applies to (a province's code for its resolution).</summary>
    public string? ScopeUnit { get; init; }

    /// <summary>The document it makes concrete (749/QĐ-TTg's id for a provincial resolution), if any.</summary>
    public int? ParentId { get; init; }

    /// <summary>An http(s) address of its text.</summary>
    public string? Link { get; init; }

    public string? Source { get; init; }
}

/// <summary>A new target: <c>POST /api/v1/targets</c>, the form, a row of an XLSX file.</summary>
public sealed record TargetRequest
{
    public int? DocumentId { get; init; }

    public string? Code { get; init; }

    /// <summary>digital-government, digital-economy, digital-society or foundation.</summary>
    public string? Pillar { get; init; }

    public string? Name { get; init; }

    public string? NameEn { get; init; }

    public string? UnitOfMeasure { get; init; }

    /// <summary>With <see cref="Indicator"/>: the framework whose indicator measures the target (e.g. CT749).</summary>
    public string? Framework { get; init; }

    public string? Indicator { get; init; }

    /// <summary>Or a plain measure's code instead of an indicator.</summary>
    public string? Measure { get; init; }

    /// <summary>unit (the default), every-province or nation.</summary>
    public string? Scope { get; init; }

    /// <summary>The unit's code when the scope is unit.</summary>
    public string? ScopeUnit { get; init; }

    public double? BaselineValue { get; init; }

    public int? BaselineYear { get; init; }

    public double? TargetValue { get; init; }

    public int? DeadlineYear { get; init; }

    /// <summary>at-least, at-most, exactly or more-than.</summary>
    public string? Comparison { get; init; }

    public string? Source { get; init; }
}

/// <summary>What a write did: the new identity, the problems with the input (field → messages), or a refusal.</summary>
public sealed record TargetWriteResult
{
    public int? Id { get; init; }

    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>(StringComparer.Ordinal);

    /// <summary>True when the actor may not administer the unit concerned.</summary>
    public bool IsForbidden { get; init; }

    /// <summary>True when the document named does not exist.</summary>
    public bool IsNotFound { get; init; }

    public static TargetWriteResult Forbidden { get; } = new() { IsForbidden = true };

    public static TargetWriteResult NotFound { get; } = new() { IsNotFound = true };
}
