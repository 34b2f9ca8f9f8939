using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Geography;
using OpenDti.Features.Accounts;
using OpenDti.Features.DataEntry;
using OpenDti.Features.Submissions;
using OpenDti.Store;
using OpenDti.Web;

namespace OpenDti.Features.Targets;

/// <summary>
/// <c>/targets/new</c>: a province-admin (or national-admin) records a programme document of their unit and
/// the targets it sets, through <see cref="TargetEditing"/> — the same checks as the API. The lists offer only
/// the units and documents the person may administer; a forged choice is refused by the operation all the same.
/// </summary>
[Authorize]
public sealed class NewTargetModel(CurrentActor current, TargetEditing editing, UnitDirectory units, OpenDtiDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    public PolicyDocumentRequest DocumentForm { get; set; } = new();

    [BindProperty]
    public TargetForm Form { get; set; } = new();

    public IReadOnlyList<ReportingUnit> Units { get; private set; } = [];

    public IReadOnlyList<PolicyDocumentSummary> Documents { get; private set; } = [];

    /// <summary>The documents a parent may be chosen from (every document).</summary>
    public IReadOnlyList<PolicyDocumentSummary> AllDocuments { get; private set; } = [];

    public IReadOnlyList<(string Value, string Label)> Indicators { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    /// <summary>"document" or "target": which form the errors belong to.</summary>
    public string? ErrorForm { get; private set; }

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done, int? document, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return Challenge();
        }

        if (!actor.HasAnywhere(Ability.Administer))
        {
            return Forbid();
        }

        Done = done;
        Form = Form with { DocumentId = document };
        await LoadAsync(actor, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDocumentAsync(CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return Challenge();
        }

        var result = await editing.AddDocumentAsync(actor, DocumentForm, cancellationToken);
        if (result.IsForbidden)
        {
            return Forbid();
        }

        if (result.Id is { } id)
        {
            return Redirect($"/targets/new?done=document&document={id}");
        }

        (Errors, ErrorForm) = (result.Errors, "document");
        await LoadAsync(actor, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostTargetAsync(CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return Challenge();
        }

        var (request, numberErrors) = Form.ToRequest(CultureInfo.CurrentCulture);
        // A number that does not read is a problem like any other: check the rest, write nothing.
        var result = numberErrors.Count == 0
            ? await editing.AddTargetAsync(actor, request, cancellationToken)
            : (await editing.CheckAsync(actor, request, cancellationToken)).Result;
        if (result.IsForbidden)
        {
            return Forbid();
        }

        if (result.IsNotFound)
        {
            return NotFound();
        }

        if (result.Id is { } id)
        {
            return Redirect($"/targets/{id}");
        }

        var errors = result.Errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        foreach (var (field, message) in numberErrors)
        {
            errors[field] = [message];
        }

        (Errors, ErrorForm) = (errors, "target");
        await LoadAsync(actor, cancellationToken);
        return Page();
    }

    public string? ErrorOf(string form, string field) =>
        ErrorForm == form && Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private async Task LoadAsync(SignedIn actor, CancellationToken cancellationToken)
    {
        var today = time.Today();
        var allowed = await units.WhereAllowedAsync(actor, Ability.Administer, cancellationToken);
        var all = await units.AllAsync(cancellationToken);
        Units = [.. all.Values.Where(u => allowed.Contains(u.Id) && u.IsValidOn(today) && u.Level is UnitLevel.Nation or UnitLevel.Province)
            .OrderBy(u => u.Level).ThenBy(u => u.Name, Domain.Text.VietnameseText.Comparer)];
        var documents = await db.PolicyDocuments.AsNoTracking().OrderBy(d => d.IssuedOn)
            .Select(d => new { d.Id, d.Number, d.Title, d.ScopeUnitId })
            .ToListAsync(cancellationToken);
        PolicyDocumentSummary Summary(int id, string number, string title, int unitId) => new()
        {
            Id = id,
            Number = number,
            Title = title,
            Kind = string.Empty,
            Issuer = string.Empty,
            IssuedOn = default,
            ScopeUnit = all[unitId].Code.Value,
            ScopeUnitName = all[unitId].Name,
        };
        AllDocuments = [.. documents.Select(d => Summary(d.Id, d.Number, d.Title, d.ScopeUnitId))];
        Documents = [.. documents.Where(d => allowed.Contains(d.ScopeUnitId)).Select(d => Summary(d.Id, d.Number, d.Title, d.ScopeUnitId))];
        var indicators = await db.FrameworkNodes.AsNoTracking()
            .Where(n => n.Kind == FrameworkNodeKind.Indicator)
            .Join(db.FrameworkVersions, n => n.FrameworkVersionId, v => v.Id, (n, v) => new { Framework = v.Framework!.Code, n.Code, n.Name })
            .ToListAsync(cancellationToken);
        Indicators = [.. indicators.DistinctBy(i => (i.Framework, i.Code)).Select(i => ($"{i.Framework}|{i.Code}", $"{i.Framework} · {i.Code} — {i.Name}"))];
        if (DocumentForm.ScopeUnit is null && Units.FirstOrDefault(u => u.Level == UnitLevel.Province) is { } province)
        {
            DocumentForm = DocumentForm with { ScopeUnit = province.Code.Value };
        }
    }

    /// <summary>The target form: numbers as typed (Vietnamese "80,5" or "80.5"), the indicator as "FRAMEWORK|CODE".</summary>
    public sealed record TargetForm
    {
        public int? DocumentId { get; init; }

        public string? Code { get; init; }

        public string? Pillar { get; init; }

        public string? Name { get; init; }

        public string? NameEn { get; init; }

        public string? UnitOfMeasure { get; init; }

        public string? Indicator { get; init; }

        public string? Measure { get; init; }

        public string? ScopeUnit { get; init; }

        public string? BaselineValue { get; init; }

        public int? BaselineYear { get; init; }

        public string? TargetValue { get; init; }

        public int? DeadlineYear { get; init; }

        public string? Comparison { get; init; }

        public string? Source { get; init; }

        public (TargetRequest Request, IReadOnlyDictionary<string, string> NumberErrors) ToRequest(CultureInfo culture)
        {
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            double? Read(string field, string? text)
            {
                var reading = NumberInput.Read(text, culture);
                if (!reading.IsValid)
                {
                    errors[field] = TargetEditing.Expected("một số / a number", text);
                }

                return reading.Value;
            }

            var parts = Indicator?.Split('|', 2);
            return (new TargetRequest
            {
                DocumentId = DocumentId,
                Code = Code,
                Pillar = Pillar,
                Name = Name,
                NameEn = NameEn,
                UnitOfMeasure = UnitOfMeasure,
                Framework = parts is [var framework, _] ? framework : null,
                Indicator = parts is [_, var code] ? code : null,
                Measure = Measure,
                Scope = "unit",
                ScopeUnit = ScopeUnit,
                BaselineValue = Read("baselineValue", BaselineValue),
                BaselineYear = BaselineYear,
                TargetValue = Read("targetValue", TargetValue),
                DeadlineYear = DeadlineYear,
                Comparison = Comparison,
                Source = Source,
            }, errors);
        }
    }
}
