using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenDti.Domain.Values;

namespace OpenDti.Features.Accounts;

/// <summary>One account for its administrator: roles (grant, withdraw), lock, unlock, one-time password, API keys, and the history of changes.</summary>
[Authorize]
public sealed class UserModel(CurrentActor current, UserAdministration administration, ApiKeyIssuer keys, AccountHistory history) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Name { get; set; } = string.Empty;

    [BindProperty]
    public string? Role { get; set; } = Domain.Accounts.Role.DataEntry;

    [BindProperty]
    public string? Unit { get; set; }

    public UserRow Account { get; private set; } = null!;

    public IReadOnlyList<KeyRow> Keys { get; private set; } = [];

    public IReadOnlyList<AccountEventRow> History { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string? OneTimePassword { get; private set; }

    public IEnumerable<string> Roles => Domain.Accounts.Role.All;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) is { } refusal ? refusal : Page();

    public Task<IActionResult> OnPostGrantAsync(CancellationToken cancellationToken) =>
        ActAsync((actor, ct) => administration.GrantAsync(actor, Name, Role, Unit, ValueSources.Form, ct), cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(int roleId, CancellationToken cancellationToken) =>
        ActAsync((actor, ct) => administration.WithdrawAsync(actor, Name, roleId, ValueSources.Form, ct), cancellationToken);

    public Task<IActionResult> OnPostLockAsync(CancellationToken cancellationToken) =>
        ActAsync((actor, ct) => administration.LockAsync(actor, Name, ValueSources.Form, ct), cancellationToken);

    public Task<IActionResult> OnPostUnlockAsync(CancellationToken cancellationToken) =>
        ActAsync((actor, ct) => administration.UnlockAsync(actor, Name, ValueSources.Form, ct), cancellationToken);

    public Task<IActionResult> OnPostRevokeKeyAsync(int keyId, CancellationToken cancellationToken) =>
        ActAsync((actor, ct) => keys.RevokeAsync(actor, keyId, ValueSources.Form, ct), cancellationToken);

    public async Task<IActionResult> OnPostResetPasswordAsync(CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return LocalRedirect("/account");
        }

        var (result, password) = await administration.ResetPasswordAsync(actor, Name, ValueSources.Form, cancellationToken);
        if (await LoadAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Errors = [.. result.Messages];
        if (result.Succeeded)
        {
            Response.Headers.CacheControl = "no-store";
            OneTimePassword = password;
        }

        return Page();
    }

    private async Task<IActionResult> ActAsync(Func<SignedIn, CancellationToken, Task<AccountResult>> act, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return LocalRedirect("/account");
        }

        var result = await act(actor, cancellationToken);
        if (result.Succeeded)
        {
            return LocalRedirect($"/admin/users/{Uri.EscapeDataString(Name)}");
        }

        if (await LoadAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Errors = [.. result.Messages];
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return LocalRedirect("/account");
        }

        var (result, user) = await administration.GetAsync(actor, Name, cancellationToken);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        Account = user!;
        Keys = await keys.ListAsync(user!.Id, cancellationToken);
        History = await history.ForUserAsync(user.Id, cancellationToken);
        return null;
    }
}
