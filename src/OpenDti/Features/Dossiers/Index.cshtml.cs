using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Dossiers;
using OpenDti.Domain.Values;
using OpenDti.Features.Accounts;
using OpenDti.Store;

namespace OpenDti.Features.Dossiers;

/// <summary>
/// <c>/dossiers</c>: upload a one-stop-shop dossier export; it becomes a queued job in the store that the
/// <see cref="DossierIngestWorker"/> runs, and <c>/dossiers?job=ID</c> shows its progress from the store
/// (reloading itself every two seconds while it runs, so it works without script and on any instance behind a proxy).
/// For people who may enter data (data-entry, province-admin, national-admin): every unit of the file must
/// be under one of their roles.
/// </summary>
[Authorize(AuthenticationSchemes = "Identity.Application")]
[RequestFormLimits(MultipartBodyLengthLimit = DossiersApi.MaxBytes)]
[RequestSizeLimit(DossiersApi.MaxBytes)]
public sealed class IndexModel(CurrentActor current, OpenDtiDbContext db, DossierIngest ingest, DossierIngestWorker worker, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(Name = "file")]
    public IFormFile? Upload { get; set; }

    [BindProperty(Name = "catalogue")]
    public IFormFile? Catalogue { get; set; }

    [BindProperty(Name = "skipInvalid")]
    public bool SkipInvalid { get; set; }

    [BindProperty(SupportsGet = true, Name = "job")]
    public long? JobId { get; set; }

    public DossierIngestion? Job { get; private set; }

    public IReadOnlyList<DossierIngestion> Recent { get; private set; } = [];

    public string? Refusal { get; private set; }

    public bool IsRunning => Job?.Status is DossierIngestionStatus.Queued or DossierIngestionStatus.Running;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = await current.GetAsync(cancellationToken);
        if (actor is null)
        {
            return Challenge(IdentityConstants.ApplicationScheme);
        }

        if (!actor.HasAnywhere(Ability.Enter))
        {
            return Forbid(IdentityConstants.ApplicationScheme);
        }

        await LoadAsync(actor, cancellationToken);
        if (JobId is not null && Job is null)
        {
            return NotFound();
        }

        if (IsRunning)
        {
            // The page reloads itself while the job runs (the Refresh header: no script, no polling endpoint).
            Response.Headers["Refresh"] = "2";
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var actor = await current.GetAsync(cancellationToken);
        if (actor is null)
        {
            return Challenge(IdentityConstants.ApplicationScheme);
        }

        if (!actor.HasAnywhere(Ability.Enter))
        {
            return Forbid(IdentityConstants.ApplicationScheme);
        }

        if (Upload is null || Upload.Length == 0)
        {
            Refusal = localizer["dossiers.Choose a dossier export (.csv) to upload."];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(actor, cancellationToken);
            return Page();
        }

        Directory.CreateDirectory(DossierIngestWorker.SpoolFolder);
        var path = Path.Combine(DossierIngestWorker.SpoolFolder, $"{Guid.NewGuid():N}.csv");
        await using (var file = System.IO.File.Create(path))
        {
            await Upload.CopyToAsync(file, cancellationToken);
        }

        if (Catalogue is { Length: > 0 })
        {
            await using var file = System.IO.File.Create(DossierIngestWorker.CatalogueSpoolPath(path));
            await Catalogue.CopyToAsync(file, cancellationToken);
        }

        var recordedAs = actor.AsActor(ValueSources.Ingestion);
        var job = await ingest.CreateAsync(path, Path.GetFileName(Upload.FileName), ValueSources.Upload, recordedAs, SkipInvalid, DossierIngestionStatus.Queued, cancellationToken);
        job.SpoolPath = path;
        job.CatalogueFileName = Catalogue is { Length: > 0 } ? Path.GetFileName(Catalogue.FileName) : null;
        await db.SaveChangesAsync(cancellationToken);
        worker.Enqueue(job.Id);
        return RedirectToPage(new { job = job.Id });
    }

    private async Task LoadAsync(SignedIn actor, CancellationToken cancellationToken)
    {
        var mine = db.DossierIngestions.AsNoTracking().Where(i => i.UserId == actor.User.Id);
        Recent = await mine.OrderByDescending(i => i.Id).Take(10).ToListAsync(cancellationToken);
        if (JobId is { } id)
        {
            Job = await mine.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        }
    }
}
