using OpenDti.Domain.Text;

namespace OpenDti.Domain.Frameworks.Definitions;

/// <summary>A validation rule as written in a framework file (see <see cref="ValidationRule"/>).</summary>
public sealed record ValidationRuleDefinition
{
    /// <summary>A code unique in the version.</summary>
    public required string Code { get; init; }

    /// <summary>Two expressions over measures compared, e.g. <c>A &lt;= B</c>.</summary>
    public required string Rule { get; init; }

    /// <summary>The Vietnamese message shown when the rule is broken.</summary>
    public required string Message { get; init => field = VietnameseText.Normalize(value); }

    /// <summary>The English message.</summary>
    public string? MessageEn { get; init => field = MeasureDefinition.NormalizeOptional(value); }
}
