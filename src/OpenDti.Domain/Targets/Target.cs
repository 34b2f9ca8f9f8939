namespace OpenDti.Domain.Targets;

/// <summary>
/// A target of a programme document: what is measured (an indicator of a framework, or a plain measure),
/// for whom (<see cref="Scope"/>), from where (the baseline), to what (<see cref="TargetValue"/> held
/// against the value by <see cref="Comparison"/>) and by when (<see cref="DeadlineYear"/>).
/// </summary>
public sealed class Target
{
    /// <summary>The longest code kept.</summary>
    public const int CodeLength = 64;

    /// <summary>The store's identity.</summary>
    public int Id { get; set; }

    /// <summary>The document that sets it.</summary>
    public int DocumentId { get; set; }

    /// <summary>The document that sets it, when loaded.</summary>
    public PolicyDocument? Document { get; set; }

    /// <summary>A code unique within its document and deadline, e.g. "KTS_GDP" (the 749 target ids).</summary>
    public required string Code { get; set; }

    /// <summary>The pillar it belongs to: digital-government, digital-economy, digital-society or foundation.</summary>
    public required string Pillar { get; set; }

    /// <summary>What it asks for, in Vietnamese.</summary>
    public required string Name { get; set; }

    /// <summary>What it asks for, in English, when known.</summary>
    public string? NameEn { get; set; }

    /// <summary>The unit of measure of the value and the target, e.g. "%".</summary>
    public string? UnitOfMeasure { get; set; }

    /// <summary>The framework whose indicator measures it (with <see cref="IndicatorCode"/>), e.g. "CT749".</summary>
    public string? FrameworkCode { get; set; }

    /// <summary>The indicator of <see cref="FrameworkCode"/> that measures it, e.g. "DVC_L4".</summary>
    public string? IndicatorCode { get; set; }

    /// <summary>The measure that measures it, when it is a plain measure rather than an indicator.</summary>
    public string? MeasureCode { get; set; }

    /// <summary>Whom it is set for.</summary>
    public TargetScope Scope { get; set; }

    /// <summary>The unit it is set for when <see cref="Scope"/> is <see cref="TargetScope.Unit"/> or <see cref="TargetScope.Nation"/>.</summary>
    public int? ScopeUnitId { get; set; }

    /// <summary>The stated baseline value, if any (otherwise each unit's earliest value serves).</summary>
    public double? BaselineValue { get; set; }

    /// <summary>The year of <see cref="BaselineValue"/>.</summary>
    public int? BaselineYear { get; set; }

    /// <summary>The value to reach.</summary>
    public double TargetValue { get; set; }

    /// <summary>The year by whose end the target is to be met.</summary>
    public int DeadlineYear { get; set; }

    /// <summary>How the value is held against the target.</summary>
    public TargetComparison Comparison { get; set; }

    /// <summary>Where the figures come from (the document, or the text that quotes it).</summary>
    public string? Source { get; set; }

    /// <summary>Who recorded it ("seed" for the national seed).</summary>
    public required string CreatedBy { get; init; }

    /// <summary>When it was recorded (UTC).</summary>
    public DateTime CreatedAtUtc { get; init; }

    /// <summary>True when the target has something to measure it with (an indicator or a measure).</summary>
    public bool IsMeasured => (FrameworkCode is not null && IndicatorCode is not null) || MeasureCode is not null;
}
