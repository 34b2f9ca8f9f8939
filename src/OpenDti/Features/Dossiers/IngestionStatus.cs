using OpenDti.Domain.Dossiers;
using OpenDti.Domain.Problems;

namespace OpenDti.Features.Dossiers;

/// <summary>A problem of a dossier file: where (line, column by the file's header name), what was expected and found.</summary>
public sealed record IngestionProblem(int? Line, string? Column, string Code, string Expected, string? Found)
{
    public static IngestionProblem Of(InputProblem problem) =>
        new(problem.Place.Row, problem.Place.Column ?? problem.Place.Field, problem.Code, problem.Expected, problem.Found);
}

/// <summary>An ingestion as the API shows it.</summary>
public sealed record IngestionStatus(
    long Id,
    string FileName,
    string Status,
    long TotalBytes,
    long BytesRead,
    long Rows,
    long DossiersAdded,
    long DossiersUpdated,
    long ValuesWritten,
    long RejectedRows,
    long? SameFileAs,
    IReadOnlyList<IngestionProblem> Rejected,
    string? Message,
    DateTime CreatedAtUtc,
    DateTime? FinishedAtUtc,
    string? CatalogueFileName)
{
    internal static IngestionStatus Of(DossierIngestion i, DossierIngestResult? result) => new(
        i.Id, i.FileName, i.Status, i.TotalBytes, i.BytesRead, i.RowsRead, i.DossiersAdded, i.DossiersUpdated, i.ValuesWritten,
        result?.RejectedRows ?? i.RejectedRows, result?.SameFileAs,
        result?.Problems.Select(IngestionProblem.Of).ToList() ?? [],
        i.Message, i.CreatedAtUtc, i.FinishedAtUtc, i.CatalogueFileName);
}
