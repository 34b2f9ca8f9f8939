using Microsoft.AspNetCore.Http.HttpResults;
using OpenDti.Features.Submissions;
using OpenDti.Web;

namespace OpenDti.Features.Targets;

/// <summary>
/// <c>/targets/{id}/progress.csv|xlsx</c>, <c>/targets/{id}/progress.docx</c> and <c>/targets/lagging.csv|xlsx</c>
/// (<c>?pillar=&amp;unit=</c>): the same tables as the pages and the API, as files.
/// </summary>
internal static class TargetDownloads
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static IEndpointRouteBuilder MapTargetDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/targets/{id:int}/progress." + TableExport.FormatSegment, ProgressAsync)
            .WithTags("Targets")
            .WithSummary("Tiến độ một chỉ tiêu dạng CSV hoặc Excel / a target's progress as CSV or XLSX");
        app.MapGet("/targets/{id:int}/progress.docx", ProgressDocumentAsync)
            .WithTags("Targets")
            .WithSummary("Tiến độ một chỉ tiêu dạng Word / a target's progress as a Word document");
        app.MapGet("/targets/lagging." + TableExport.FormatSegment, LaggingAsync)
            .WithTags("Targets")
            .WithSummary("Đơn vị chậm tiến độ dạng CSV hoặc Excel / units at risk or off track as CSV or XLSX")
            .WithDescription("pillar and unit as /api/v1/targets/lagging.");
        return app;
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ProgressAsync(int id, string format, TargetQueries queries, CancellationToken cancellationToken)
    {
        var table = await queries.ProgressAsync(id, cancellationToken);
        return table is null
            ? ApiProblems.NotFound($"Không có chỉ tiêu số {id} / no target {id}.")
            : TargetExport.Progress(table).ToFile(format, $"target-{table.Target.Code}-{table.Target.DeadlineYear}", table.Target.Code);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ProgressDocumentAsync(int id, TargetQueries queries, CancellationToken cancellationToken)
    {
        var table = await queries.ProgressAsync(id, cancellationToken);
        return table is null
            ? ApiProblems.NotFound($"Không có chỉ tiêu số {id} / no target {id}.")
            : TypedResults.File(TargetExport.ProgressDocument(table), DocxContentType, $"target-{table.Target.Code}-{table.Target.DeadlineYear}.docx");
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> LaggingAsync(
        string format, string? pillar, string? unit, TargetQueries queries, UnitDirectory units, TimeProvider time, CancellationToken cancellationToken)
    {
        var found = await TargetsApi.LaggingAsync(pillar, unit, queries, units, time, cancellationToken);
        return found.Result switch
        {
            Ok<LaggingList> { Value: { } list } => TargetExport.Lagging(list).ToFile(format, "targets-lagging", "lagging"),
            ValidationProblem invalid => invalid,
            _ => throw new InvalidOperationException("LaggingAsync returned an unexpected result."),
        };
    }
}
