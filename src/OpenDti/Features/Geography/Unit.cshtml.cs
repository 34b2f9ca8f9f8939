using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using OpenDti.Domain.Geography;
using OpenDti.Features.Events;
using OpenDti.Features.Frameworks;
using OpenDti.Features.Profiles;
using OpenDti.Features.Targets;
using OpenDti.Web;

namespace OpenDti.Features.Geography;

/// <summary>One unit: what it is, when it was valid, what it came from and what it became.</summary>
[OutputCache(PolicyName = PublicOutputCache.PolicyName)]
public sealed class UnitModel(UnitQueries units, IndicatorValues indicators, UnitProfiles profiles, TargetQueries targets, EventQueries events, TrainingCourses courses, TimeProvider time, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true, Name = "on")]
    public string? OnText { get; set; }

    public UnitDetail? Unit { get; private set; }

    public string Validity { get; private set; } = string.Empty;

    /// <summary>The unit's Decision 749 indicators by year, if it has data.</summary>
    public UnitIndicatorTable? Indicators { get; private set; }

    /// <summary>The unit's place in the provincial DTI, if it was ranked.</summary>
    public UnitProfile? Profile { get; private set; }

    /// <summary>The targets set for the unit, with its progress.</summary>
    public UnitTargets? Targets { get; private set; }

    /// <summary>The recent awareness events and training courses of the unit and the units directly under it.</summary>
    public UnitEvents Events { get; private set; } = new([], []);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        DateOnly? on = QueryDate.TryParse(OnText, out var parsed) ? parsed : null;
        Unit = UnitCode.IsValid(Code) ? await units.FindAsync(new UnitCode(Code), on, time.Today(), cancellationToken) : null;
        if (Unit is null)
        {
            return NotFound();
        }

        Validity = ValidityText.Describe(localizer, Unit.ValidFrom, Unit.ValidTo);
        Indicators = await indicators.ForUnitAsync(Unit.Id, UnitsApi.DefaultFramework, cancellationToken);
        Profile = await profiles.ForUnitAsync(Unit.Id, ProfilesApi.DefaultFramework, null, cancellationToken);
        Targets = await targets.ForUnitIdAsync(Unit.Id, cancellationToken);
        Events = new UnitEvents(
            await events.RecentAroundAsync(Unit.Id, UnitEvents.Shown, cancellationToken),
            await courses.ListAsync(Unit.Id, UnitEvents.Shown, cancellationToken));
        return Page();
    }
}

