using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenDti.Domain.Values;

namespace OpenDti.Features.Accounts;

/// <summary>My API keys: the list (never a secret), a form to create one (its text shown on this response only), and revoke buttons.</summary>
[Authorize]
public sealed class KeysModel(CurrentActor current, ApiKeyIssuer keys) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Role { get; set; } = Domain.Accounts.Role.DataEntry;

    [BindProperty]
    public string? Units { get; set; }

    [BindProperty]
    public int? Days { get; set; } = ApiKeyIssuer.DefaultDays;

    public IReadOnlyList<KeyRow> Keys { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>The text of the key just created: on this response only.</summary>
    public CreatedKey? Created { get; private set; }

    public SignedIn Actor { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : LocalRedirect("/account");

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return LocalRedirect("/account");
        }

        var (result, created) = await keys.CreateAsync(Actor, new KeyRequest(Name, Role, [Units ?? string.Empty], Days), ValueSources.Form, cancellationToken);
        if (!result.Succeeded)
        {
            Errors = [.. result.Messages];
            return Page();
        }

        // The key text must not stay in any cache: this response is its only copy outside the person's hands.
        Response.Headers.CacheControl = "no-store";
        Created = created;
        Name = Units = null;
        Keys = await keys.ListAsync(Actor.User.Id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return LocalRedirect("/account");
        }

        var result = await keys.RevokeAsync(Actor, id, ValueSources.Form, cancellationToken);
        if (!result.Succeeded)
        {
            Errors = [.. result.Messages];
            return Page();
        }

        return LocalRedirect("/account/keys");
    }

    public IEnumerable<string> KeyRoles => ApiKeyIssuer.KeyRoles;

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return false;
        }

        Actor = actor;
        Keys = await keys.ListAsync(actor.User.Id, cancellationToken);
        return true;
    }
}
