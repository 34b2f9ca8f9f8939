using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OpenDti.Features.Accounts;
using OpenDti.Web;

namespace OpenDti.Features.DataEntry.Templates;

/// <summary>
/// <c>/data/{dataSet}/{period}/upload</c>: links to the templates and a form that posts a filled one. The
/// server reads and checks the whole file in the request and answers with this page: how many values were
/// written, or every problem (the first <see cref="ProblemsShown"/> in a table, all of them as a CSV file).
/// Without script the form posts as usual; with it (wwwroot/js/upload.js) the page shows the upload's
/// progress and that the server is checking, then puts the answer in place.
/// </summary>
[Authorize]
public sealed class UploadModel(CurrentActor current, DataSetCatalog catalog, TemplateImport import, IOptions<UploadLimits> limits, TimeProvider time, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>The page's path for conventions (the folder path; the route is set in the .cshtml).</summary>
    public const string PagePath = "/DataEntry/Templates/Upload";

    public const int ProblemsShown = 200;

    private static readonly string[] ProblemColumns = ["Sheet", "Row", "Column", "Header", "Expected", "Found", "Code"];

    /// <summary>The most problems the CSV list carries (it travels inside the page).</summary>
    public const int ProblemsInCsv = 5_000;

    [BindProperty(SupportsGet = true, Name = "dataSet")]
    public string DataSetCode { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true, Name = "period")]
    public string PeriodText { get; set; } = string.Empty;

    [BindProperty(Name = "file")]
    public IFormFile? Upload { get; set; }

    [BindProperty(Name = "overwrite")]
    public bool Overwrite { get; set; }

    public DataSetView? DataSet { get; private set; }

    public string? Refusal { get; private set; }

    /// <summary>True when the data set and period can take uploads (the form is shown).</summary>
    public bool IsOpen { get; private set; }

    public UploadOutcome? Outcome { get; private set; }

    public long MaxBytes => limits.Value.MaxBytes;

    public string TemplateBase => $"/data/{DataSet?.DataSet.Code}/{PeriodText}";

    public async Task OnGetAsync(CancellationToken cancellationToken) => await FindAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await FindAsync(cancellationToken))
        {
            return Page();
        }

        var actor = await current.GetAsync(cancellationToken);
        if (actor is null)
        {
            return Challenge();
        }

        if (Upload is null)
        {
            Refusal = localizer["Choose a filled template (.xlsx or .csv) to upload."];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await using var stream = Upload.OpenReadStream();
        Outcome = await import.ImportAsync(new UploadRequest(stream, Upload.Length, Upload.FileName, DataSetCode, PeriodText, Overwrite), actor, cancellationToken);
        Response.StatusCode = Outcome.Status;
        return Page();
    }

    /// <summary>The problems as a CSV download inside a data: URL (the page keeps nothing on the server).</summary>
    public string ProblemsCsvUrl(UploadOutcome outcome)
    {
        var rows = outcome.Problems.Take(ProblemsInCsv).Select(p => (IReadOnlyList<object?>)
            [p.Problem.Place.Sheet, p.Problem.Place.Row, p.Problem.Place.Column, p.Problem.Place.Field, p.Problem.Expected, p.Problem.Found, p.Problem.Code]).ToList();
        var header = ProblemColumns.Select(h => localizer["upload." + h].Value).ToList();
        var csv = new TableExport(header, rows).ToCsv();
        return "data:text/csv;charset=utf-8;base64," + Convert.ToBase64String(csv);
    }

    public string ProblemsFileName => $"{Path.GetFileNameWithoutExtension(Outcome?.FileName ?? "upload")}-loi.csv";

    private async Task<bool> FindAsync(CancellationToken cancellationToken)
    {
        var (dataSet, _, refusal) = await TemplateQueries.DataSetAndPeriodAsync(catalog, time, DataSetCode, PeriodText, cancellationToken);
        DataSet = dataSet;
        if (refusal is not null)
        {
            Refusal = refusal.Detail;
            Response.StatusCode = refusal.Status;
            return false;
        }

        return IsOpen = true;
    }
}
