using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Targets;
using OpenDti.Domain.Text;
using OpenDti.Features.Accounts;
using OpenDti.Features.Submissions;
using OpenDti.Store;
using OpenDti.Web;

namespace OpenDti.Features.Targets;

/// <summary>
/// Records programme documents and targets — the one path the API, the form and the XLSX import take. Each
/// write is authorised against the actor's role and units: a document needs the right to administer its
/// scope unit (a province-admin for their province, a national-admin for the nation); a target needs the
/// right to administer its document's unit and the unit it is set for, which must lie within the document's
/// unit; a target for every province or for the nation needs a national document. Every field is checked
/// and every problem reported; nothing is written when there is any.
/// </summary>
public sealed class TargetEditing(OpenDtiDbContext db, UnitDirectory units, TimeProvider time)
{
    public async Task<TargetWriteResult> AddDocumentAsync(SignedIn actor, PolicyDocumentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var number = Required(request.Number, "number", PolicyDocument.ShortTextLength, errors);
        var title = Required(request.Title, "title", PolicyDocument.TitleLength, errors);
        var issuer = Required(request.Issuer, "issuer", PolicyDocument.ShortTextLength * 2, errors);
        var kind = PolicyDocumentKind.Plan;
        if (!Enum.TryParse(request.Kind?.Trim(), ignoreCase: true, out kind) || !Enum.IsDefined(kind) || int.TryParse(request.Kind, CultureInfo.InvariantCulture, out _))
        {
            errors["kind"] = [Expected("decision, resolution, plan, project, other", request.Kind)];
        }

        if (!DateOnly.TryParseExact(request.IssuedOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var issuedOn))
        {
            errors["issuedOn"] = [Expected("một ngày YYYY-MM-DD / a date YYYY-MM-DD", request.IssuedOn)];
        }

        if (request.Link is { Length: > 0 } link && (!Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || link.Length > 1000))
        {
            errors["link"] = [Expected("một địa chỉ http(s) / an http(s) address", link)];
        }

        if (request.ParentId is { } parentId && !await db.PolicyDocuments.AnyAsync(d => d.Id == parentId, cancellationToken))
        {
            errors["parentId"] = [Expected("mã số của một văn bản đã có (GET /api/v1/targets/documents) / the id of an existing document", parentId.ToString(CultureInfo.InvariantCulture))];
        }

        var scope = await units.FindAsync(request.ScopeUnit, time.Today(), cancellationToken);
        if (scope is null)
        {
            errors["scopeUnit"] = [Expected("mã đơn vị / a unit code", request.ScopeUnit)];
        }
        else if (!await units.AllowsAsync(actor, Ability.Administer, scope.Id, cancellationToken))
        {
            return TargetWriteResult.Forbidden;
        }

        if (errors.Count > 0)
        {
            return new TargetWriteResult { Errors = errors };
        }

        if (await db.PolicyDocuments.AnyAsync(d => d.ScopeUnitId == scope!.Id && d.Number == number, cancellationToken))
        {
            return new TargetWriteResult { Errors = new Dictionary<string, string[]>(StringComparer.Ordinal) { ["number"] = [$"Đơn vị này đã có văn bản số '{number}' / this unit already has a document numbered '{number}'."] } };
        }

        var document = new PolicyDocument
        {
            Number = number!,
            Title = title!,
            TitleEn = Optional(request.TitleEn),
            Kind = kind,
            Issuer = issuer!,
            IssuedOn = issuedOn,
            ScopeUnitId = scope!.Id,
            ParentId = request.ParentId,
            Link = Optional(request.Link),
            Source = Optional(request.Source),
            CreatedBy = actor.Name,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        db.PolicyDocuments.Add(document);
        await db.SaveChangesAsync(cancellationToken);
        return new TargetWriteResult { Id = document.Id };
    }

    public async Task<TargetWriteResult> AddTargetAsync(SignedIn actor, TargetRequest request, CancellationToken cancellationToken)
    {
        var (target, result) = await CheckAsync(actor, request, cancellationToken);
        if (target is null)
        {
            return result;
        }

        db.Targets.Add(target);
        await db.SaveChangesAsync(cancellationToken);
        return new TargetWriteResult { Id = target.Id };
    }

    /// <summary>Checks a new target; returns it (not yet added) or the problems or refusal.</summary>
    public async Task<(Target? Target, TargetWriteResult Result)> CheckAsync(SignedIn actor, TargetRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var document = request.DocumentId is { } documentId ? await db.PolicyDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken) : null;
        if (document is null)
        {
            if (request.DocumentId is null)
            {
                errors["documentId"] = [Expected("mã số của văn bản (GET /api/v1/targets/documents) / the id of the document", null)];
                return (null, new TargetWriteResult { Errors = errors });
            }

            return (null, TargetWriteResult.NotFound);
        }

        if (!await units.AllowsAsync(actor, Ability.Administer, document.ScopeUnitId, cancellationToken))
        {
            return (null, TargetWriteResult.Forbidden);
        }

        var code = Required(request.Code, "code", Target.CodeLength, errors);
        var name = Required(request.Name, "name", PolicyDocument.TitleLength, errors);
        if (!TargetTerms.TryParsePillar(request.Pillar, out var pillar))
        {
            errors["pillar"] = [Expected(string.Join(", ", TargetTerms.Pillars), request.Pillar)];
        }

        if (!TargetTerms.TryParseComparison(request.Comparison, out var comparison))
        {
            errors["comparison"] = [Expected(string.Join(", ", TargetTerms.Comparisons), request.Comparison)];
        }

        var scope = TargetScope.Unit;
        if (request.Scope is { Length: > 0 } scopeText && !TargetTerms.TryParseScope(scopeText, out scope))
        {
            errors["scope"] = [Expected(string.Join(", ", TargetTerms.Scopes), scopeText)];
        }

        if (request.TargetValue is not { } value || !double.IsFinite(value))
        {
            errors["targetValue"] = [Expected("một số / a number", request.TargetValue?.ToString(CultureInfo.InvariantCulture))];
        }

        if (request.DeadlineYear is not (>= 2000 and <= 2100))
        {
            errors["deadlineYear"] = [Expected("một năm từ 2000 đến 2100 / a year from 2000 to 2100", request.DeadlineYear?.ToString(CultureInfo.InvariantCulture))];
        }

        if ((request.BaselineValue is null) != (request.BaselineYear is null) || request.BaselineValue is { } b && !double.IsFinite(b))
        {
            errors["baselineValue"] = [Expected("giá trị và năm cơ sở cùng có hoặc cùng không / a baseline value and year together, or neither", $"{request.BaselineValue?.ToString(CultureInfo.InvariantCulture)} / {request.BaselineYear?.ToString(CultureInfo.InvariantCulture)}")];
        }
        else if (request.BaselineYear is { } baselineYear && request.DeadlineYear is { } deadline && baselineYear >= deadline)
        {
            errors["baselineYear"] = [Expected("một năm trước hạn / a year before the deadline", baselineYear.ToString(CultureInfo.InvariantCulture))];
        }

        await CheckMeasuredByAsync(request, errors, cancellationToken);

        int? scopeUnitId = null;
        if (scope == TargetScope.Unit)
        {
            var unit = await units.FindAsync(request.ScopeUnit, time.Today(), cancellationToken);
            var all = await units.AllAsync(cancellationToken);
            if (unit is null || !UnitDirectory.Ancestry(all, unit.Id).Contains(document.ScopeUnitId))
            {
                errors["scopeUnit"] = [Expected($"mã của đơn vị {all[document.ScopeUnitId].Code} hoặc một đơn vị trực thuộc / the code of unit {all[document.ScopeUnitId].Code} or a unit under it", request.ScopeUnit)];
            }
            else if (!await units.AllowsAsync(actor, Ability.Administer, unit.Id, cancellationToken))
            {
                return (null, TargetWriteResult.Forbidden);
            }
            else
            {
                scopeUnitId = unit.Id;
            }
        }
        else
        {
            var all = await units.AllAsync(cancellationToken);
            if (all[document.ScopeUnitId].Level != UnitLevel.Nation)
            {
                errors["scope"] = [Expected("unit: chỉ văn bản cấp quốc gia đặt chỉ tiêu cho mọi tỉnh hoặc cả nước / only a national document sets targets for every province or the nation", request.Scope)];
            }

            scopeUnitId = scope == TargetScope.Nation ? document.ScopeUnitId : null;
        }

        if (errors.Count == 0 && await db.Targets.AnyAsync(t => t.DocumentId == document.Id && t.Code == code && t.DeadlineYear == request.DeadlineYear, cancellationToken))
        {
            errors["code"] = [$"Văn bản này đã có chỉ tiêu '{code}' hạn {request.DeadlineYear} / this document already has target '{code}' due {request.DeadlineYear}."];
        }

        if (errors.Count > 0)
        {
            return (null, new TargetWriteResult { Errors = errors });
        }

        var target = new Target
        {
            DocumentId = document.Id,
            Code = code!,
            Pillar = pillar!,
            Name = name!,
            NameEn = Optional(request.NameEn),
            UnitOfMeasure = Optional(request.UnitOfMeasure),
            FrameworkCode = Optional(request.Framework),
            IndicatorCode = Optional(request.Indicator),
            MeasureCode = Optional(request.Measure),
            Scope = scope,
            ScopeUnitId = scopeUnitId,
            BaselineValue = request.BaselineValue,
            BaselineYear = request.BaselineYear,
            TargetValue = request.TargetValue!.Value,
            DeadlineYear = request.DeadlineYear!.Value,
            Comparison = comparison,
            Source = Optional(request.Source),
            CreatedBy = actor.Name,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        return (target, new TargetWriteResult());
    }

    private async Task CheckMeasuredByAsync(TargetRequest request, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var framework = Optional(request.Framework);
        var indicator = Optional(request.Indicator);
        var measure = Optional(request.Measure);
        if ((framework is null) != (indicator is null))
        {
            errors["indicator"] = [Expected("bộ chỉ số và chỉ số cùng có hoặc cùng không / a framework and an indicator together, or neither", $"{framework} / {indicator}")];
            return;
        }

        if (indicator is not null && measure is not null)
        {
            errors["measure"] = [Expected("một chỉ số hoặc một số liệu, không cả hai / an indicator or a measure, not both", measure)];
            return;
        }

        if (indicator is not null)
        {
            var versions = db.FrameworkVersions.Where(v => v.Framework!.Code == framework).Select(v => v.Id);
            var code = MeasureCode.IsValid(indicator) ? new MeasureCode(indicator) : (MeasureCode?)null;
            if (code is null || !await db.FrameworkNodes.AnyAsync(n => n.Kind == FrameworkNodeKind.Indicator && n.Code == code.Value && versions.Contains(n.FrameworkVersionId), cancellationToken))
            {
                errors["indicator"] = [Expected($"mã một chỉ số của bộ chỉ số {framework} (GET /api/v1/frameworks) / an indicator code of framework {framework}", indicator)];
            }
        }

        if (measure is not null)
        {
            var code = MeasureCode.IsValid(measure) ? new MeasureCode(measure) : (MeasureCode?)null;
            if (code is null || !await db.Measures.AnyAsync(m => m.Code == code.Value, cancellationToken))
            {
                errors["measure"] = [Expected("mã một số liệu (GET /api/v1/frameworks) / a measure code", measure)];
            }
        }
    }

    private static string? Required(string? text, string field, int maxLength, Dictionary<string, string[]> errors)
    {
        var value = Optional(text);
        if (value is null || value.Length > maxLength)
        {
            errors[field] = [Expected($"một văn bản 1–{maxLength} ký tự / a text of 1–{maxLength} characters", text)];
            return null;
        }

        return value;
    }

    private static string? Optional(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : VietnameseText.Normalize(text.Trim());

    internal static string Expected(string expected, string? found) =>
        $"Cần / expected {expected}; nhận được / found '{found}'.";
}
