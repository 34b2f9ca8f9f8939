using System.Text.Json.Serialization;
using OpenDti.Domain.Geography;

namespace OpenDti.Features.Geography;

/// <summary>A reporting unit as the API and pages show it.</summary>
public sealed record UnitSummary
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    /// <summary>nation, province, district, commune or organisation.</summary>
    public required string Level { get; init; }

    public DateOnly? ValidFrom { get; init; }

    public DateOnly? ValidTo { get; init; }

    public string? ParentCode { get; init; }

    internal static UnitSummary From(ReportingUnit unit, UnitCode? parentCode) => new()
    {
        Code = unit.Code.Value,
        Name = unit.Name,
        Level = UnitLevels.Name(unit.Level),
        ValidFrom = unit.ValidFrom,
        ValidTo = unit.ValidTo,
        ParentCode = parentCode?.Value,
    };
}

/// <summary>A unit with the units it came from and the units it became.</summary>
public sealed record UnitDetail
{
    /// <summary>The store's identity, for the app's own follow-up queries.</summary>
    [JsonIgnore]
    public int Id { get; init; }

    public required string Code { get; init; }

    public required string Name { get; init; }

    /// <summary>nation, province, district, commune or organisation.</summary>
    public required string Level { get; init; }

    public DateOnly? ValidFrom { get; init; }

    public DateOnly? ValidTo { get; init; }

    public string? ParentCode { get; init; }

    public string? ParentName { get; init; }

    /// <summary>The number of units directly under it on the date asked.</summary>
    public int ChildCount { get; init; }

    public required IReadOnlyList<SuccessionRow> Predecessors { get; init; }

    public required IReadOnlyList<SuccessionRow> Successors { get; init; }
}

/// <summary>The other end of a succession: the unit, when the change took effect, how, and what share passed.</summary>
public sealed record SuccessionRow
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public DateOnly? ValidFrom { get; init; }

    public DateOnly? ValidTo { get; init; }

    public required DateOnly EffectiveDate { get; init; }

    /// <summary>merge, split or rename.</summary>
    public required string Kind { get; init; }

    public required double Share { get; init; }

    internal static SuccessionRow From(ReportingUnit other, DateOnly effectiveDate, SuccessionKind kind, double share) => new()
    {
        Code = other.Code.Value,
        Name = other.Name,
        ValidFrom = other.ValidFrom,
        ValidTo = other.ValidTo,
        EffectiveDate = effectiveDate,
        Kind = kind.ToString().ToLowerInvariant(),
        Share = share,
    };
}

/// <summary>A unit in a list, with where it came from and what it became.</summary>
public sealed record UnitListRow
{
    public required UnitSummary Unit { get; init; }

    public required IReadOnlyList<SuccessionRow> Predecessors { get; init; }

    public required IReadOnlyList<SuccessionRow> Successors { get; init; }
}
