using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenDti.Domain.Events;
using OpenDti.Domain.Problems;
using OpenDti.Features.Accounts;
using OpenDti.Features.DataEntry;

namespace OpenDti.Features.Events;

/// <summary>
/// <c>/events/{id}</c>: the event for everyone (agenda, bridge points, live totals); for its organisers also the
/// forms to add and import bridge points, issue the check-in links with their QR sheet, revoke a link, and move
/// the event to held or reported. Every form posts back here (with antiforgery) and is checked by the operation.
/// </summary>
public sealed class EventModel(EventQueries queries, Conferences conferences, CurrentActor current) : PageModel
{
    public ConferenceDetail? Detail { get; private set; }

    public IReadOnlyList<(IssuedLink Link, string Url)>? Issued { get; private set; }

    public IReadOnlyList<InputProblem> Problems { get; private set; } = [];

    public string? Message { get; private set; }

    public ValueWriteResult? Written { get; private set; }

    [BindProperty]
    public BridgePointForm Point { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, string? done, CancellationToken cancellationToken)
    {
        Message = done;
        return await ShowAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostPointAsync(int id, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return Challenge();
        }

        var result = await conferences.AddBridgePointAsync(id, new BridgePointInput(Point.Organisation, Point.Place, Point.ContactPerson, Point.ExpectedAttendance), actor, cancellationToken);
        return result.Succeeded ? Redirect($"/events/{id}?done=point") : await RefusedAsync(id, result, cancellationToken);
    }

    public async Task<IActionResult> OnPostImportAsync(int id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return Challenge();
        }

        if (file is null)
        {
            return await RefusedAsync(id, EventResult.Invalid<int>([new InputProblem("file.missing", new ProblemPlace(Field: "file"), "một tệp .xlsx hoặc .csv / an .xlsx or .csv file", null)]), cancellationToken);
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var result = await conferences.ImportBridgePointsAsync(id, file.FileName, buffer.ToArray(), actor, cancellationToken);
        return result.Succeeded ? Redirect($"/events/{id}?done=import") : await RefusedAsync(id, result, cancellationToken);
    }

    public async Task<IActionResult> OnPostLinksAsync(int id, int? bridgePoint, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return Challenge();
        }

        var result = await conferences.IssueLinksAsync(id, bridgePoint, actor, cancellationToken);
        if (!result.Succeeded)
        {
            return await RefusedAsync(id, result, cancellationToken);
        }

        Issued = [.. result.Value!.Select(l => (l, CheckInText.LinkFor(Request, l.Token)))];
        Response.Headers.CacheControl = "no-store";
        return await ShowAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, int bridgePoint, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return Challenge();
        }

        var result = await conferences.RevokeLinksAsync(id, bridgePoint, actor, cancellationToken);
        return result.Succeeded ? Redirect($"/events/{id}?done=revoked") : await RefusedAsync(id, result, cancellationToken);
    }

    public async Task<IActionResult> OnPostStatusAsync(int id, string? status, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return Challenge();
        }

        if (!Enum.TryParse<ConferenceStatus>(status, ignoreCase: true, out var wanted))
        {
            return await RefusedAsync(id, EventResult.Invalid<int>([new InputProblem("field.choice", new ProblemPlace(Field: "status"), "planned, held, reported", status)]), cancellationToken);
        }

        var result = await conferences.SetStatusAsync(id, wanted, actor, cancellationToken);
        if (!result.Succeeded)
        {
            return await RefusedAsync(id, result, cancellationToken);
        }

        Written = result.Value;
        Message = "status";
        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken cancellationToken)
    {
        Detail = await queries.GetAsync(id, await current.GetAsync(cancellationToken), cancellationToken);
        return Detail is null ? NotFound() : Page();
    }

    private async Task<IActionResult> RefusedAsync<T>(int id, EventResult<T> result, CancellationToken cancellationToken)
    {
        Problems = result.Problems;
        Response.StatusCode = result.HttpStatus;
        Detail = await queries.GetAsync(id, await current.GetAsync(cancellationToken), cancellationToken);
        return Detail is null ? NotFound() : Page();
    }

    public sealed class BridgePointForm
    {
        public string? Organisation { get; set; }

        public string? Place { get; set; }

        public string? ContactPerson { get; set; }

        public string? ExpectedAttendance { get; set; }
    }
}
