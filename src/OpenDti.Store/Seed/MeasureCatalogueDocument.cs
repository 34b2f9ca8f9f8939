using OpenDti.Domain.Frameworks.Definitions;

namespace OpenDti.Store.Seed;

/// <summary>The shape of a measure catalogue file: <c>{ "measures": [ … ] }</c>.</summary>
internal sealed record MeasureCatalogueDocument
{
    public required IReadOnlyList<MeasureDefinition> Measures { get; init; }
}
