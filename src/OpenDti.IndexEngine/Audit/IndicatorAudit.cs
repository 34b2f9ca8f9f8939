namespace OpenDti.IndexEngine.Audit;

/// <summary>Data quality of one indicator.</summary>
/// <param name="Code">The indicator.</param>
/// <param name="DataAvailability">Share of the (screened) units with a value before imputation, 0 to 1.</param>
/// <param name="WinsorisedPoints">Values winsorised by outlier treatment.</param>
/// <param name="LogTransformed">Whether outlier treatment log-transformed the indicator.</param>
public sealed record IndicatorAudit(string Code, double DataAvailability, int WinsorisedPoints, bool LogTransformed);
