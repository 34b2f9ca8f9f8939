using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenDti.Web;

namespace OpenDti.Features.Events;

/// <summary>
/// Completion certificates as DOCX, beside the printable page <c>/training/{id}/certificates</c> and readable like
/// it: <c>/training/{id}/certificates.docx</c> (every trainee who completed the course, a page each) and
/// <c>/training/{id}/trainees/{traineeId}/certificate.docx</c> (one). A trainee who has not completed the course has
/// no certificate: 404 with the reason, as for a course without completions.
/// </summary>
internal static class CertificateDownloads
{
    public static IEndpointRouteBuilder MapCertificateDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/training/{id:int}/certificates.docx", AllAsync).ExcludeFromDescription();
        app.MapGet("/training/{id:int}/trainees/{traineeId:int}/certificate.docx", OneAsync).ExcludeFromDescription();
        return app;
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> AllAsync(int id, TrainingCourses courses, CancellationToken cancellationToken)
    {
        var course = await courses.GetAsync(id, null, cancellationToken);
        if (course is null)
        {
            return NoSuchCourse(id);
        }

        var completed = course.Trainees.Where(t => t.CompletedOn is not null).ToList();
        return completed.Count == 0
            ? ApiProblems.NotFound(string.Create(CultureInfo.InvariantCulture, $"Khóa đào tạo số {id} chưa có học viên nào hoàn thành, nên chưa có giấy chứng nhận / no trainee has completed course {id} yet, so there is no certificate."))
            : TypedResults.File(CertificateDocument.Write(course, completed), CertificateDocument.ContentType, CertificateDocument.FileName(id));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> OneAsync(int id, int traineeId, TrainingCourses courses, CancellationToken cancellationToken)
    {
        var course = await courses.GetAsync(id, null, cancellationToken);
        if (course is null)
        {
            return NoSuchCourse(id);
        }

        var trainee = course.Trainees.SingleOrDefault(t => t.Id == traineeId);
        if (trainee is null)
        {
            return ApiProblems.NotFound(string.Create(CultureInfo.InvariantCulture, $"Khóa đào tạo số {id} không có học viên số {traineeId} / course {id} has no trainee {traineeId}."));
        }

        return trainee.CompletedOn is null
            ? ApiProblems.NotFound($"{trainee.FullName} chưa hoàn thành khóa đào tạo nên chưa có giấy chứng nhận / has not completed the course, so there is no certificate.")
            : TypedResults.File(CertificateDocument.Write(course, [trainee]), CertificateDocument.ContentType, CertificateDocument.FileName(id, trainee));
    }

    private static ProblemHttpResult NoSuchCourse(int id) =>
        ApiProblems.NotFound(string.Create(CultureInfo.InvariantCulture, $"Không có khóa đào tạo số {id} / no training course {id}."));
}
