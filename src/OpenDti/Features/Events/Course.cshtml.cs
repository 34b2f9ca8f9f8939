using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenDti.Domain.Problems;
using OpenDti.Features.Accounts;
using OpenDti.Features.DataEntry;

namespace OpenDti.Features.Events;

/// <summary>
/// <c>/training/{id}</c>: a course's sessions and trainees; organisers import the trainees (XLSX or CSV: Họ và tên,
/// Đơn vị, Chức vụ), record completion (which writes OFFICIALS_TRAINED) and print the certificates.
/// </summary>
public sealed class CourseModel(TrainingCourses courses, CurrentActor current) : PageModel
{
    public TrainingCourseDetail? Detail { get; private set; }

    public IReadOnlyList<InputProblem> Problems { get; private set; } = [];

    public ValueWriteResult? Written { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? done, CancellationToken cancellationToken)
    {
        Message = done;
        return await ShowAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostImportAsync(int id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return Challenge();
        }

        if (file is null)
        {
            Problems = [new InputProblem("file.missing", new ProblemPlace(Field: "file"), "một tệp .xlsx hoặc .csv / an .xlsx or .csv file", null)];
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await ShowAsync(id, cancellationToken);
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var result = await courses.ImportTraineesAsync(id, file.FileName, buffer.ToArray(), actor, cancellationToken);
        return result.Succeeded ? Redirect($"/training/{id}?done=import") : await RefusedAsync(id, result, cancellationToken);
    }

    public async Task<IActionResult> OnPostCompleteAsync(int id, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return Challenge();
        }

        var result = await courses.CompleteAsync(id, null, actor, cancellationToken);
        if (!result.Succeeded)
        {
            return await RefusedAsync(id, result, cancellationToken);
        }

        Written = result.Value;
        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken cancellationToken)
    {
        Detail = await courses.GetAsync(id, await current.GetAsync(cancellationToken), cancellationToken);
        return Detail is null ? NotFound() : Page();
    }

    private async Task<IActionResult> RefusedAsync<T>(int id, EventResult<T> result, CancellationToken cancellationToken)
    {
        Problems = result.Problems;
        Response.StatusCode = result.HttpStatus;
        return await ShowAsync(id, cancellationToken);
    }
}
