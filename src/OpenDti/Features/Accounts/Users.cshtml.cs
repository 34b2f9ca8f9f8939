using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenDti.Domain.Values;

namespace OpenDti.Features.Accounts;

/// <summary>The accounts within the units I administer, and a form to add one (its one-time password shown once).</summary>
[Authorize]
public sealed class UsersModel(CurrentActor current, UserAdministration administration) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Role { get; set; } = Domain.Accounts.Role.DataEntry;

    [BindProperty]
    public string? Unit { get; set; }

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>The account just added and its one-time password, on this response only.</summary>
    public (string UserName, string Password)? Added { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) is { } refusal ? refusal : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var actor = (await current.GetAsync(cancellationToken))!;
        var (result, password) = await administration.AddAsync(actor, new NewUser(UserName, DisplayName, Role, Unit), ValueSources.Form, cancellationToken);
        if (!result.Succeeded)
        {
            Errors = [.. result.Messages];
            return Page();
        }

        Response.Headers.CacheControl = "no-store";
        Added = (Domain.Text.VietnameseText.Normalize(UserName!).Trim().ToLowerInvariant(), password!);
        UserName = DisplayName = Unit = null;
        Users = await administration.ListAsync(actor, cancellationToken);
        return Page();
    }

    public IEnumerable<string> Roles => Domain.Accounts.Role.All;

    /// <summary>Null when the page may be shown; else where to send the person.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return LocalRedirect("/account");
        }

        if ((await administration.AdministeredAsync(actor, cancellationToken)).Count == 0)
        {
            return Forbid();
        }

        Users = await administration.ListAsync(actor, cancellationToken);
        return null;
    }
}
