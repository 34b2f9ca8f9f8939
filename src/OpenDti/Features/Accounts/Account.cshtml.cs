using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Values;
using OpenDti.Store;

namespace OpenDti.Features.Accounts;

/// <summary>
/// Who I am and what I may do where; sign out everywhere (a new security stamp: every other cookie and bearer
/// token stops working at its next request); change my password (which does the same, then keeps this browser
/// signed in). A person holding a one-time password lands here and can do nothing else until they change it.
/// </summary>
[Authorize]
public sealed class AccountModel(
    OpenDtiDbContext db,
    UserManager<UserAccount> users,
    SignInManager<UserAccount> signIn,
    UnitHierarchy hierarchy,
    AccountHistory history,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public UserAccount Account { get; private set; } = null!;

    public IReadOnlyList<HeldRole> Roles { get; private set; } = [];

    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public IReadOnlyList<string> PasswordErrors { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? password, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Challenge();
        }

        Message = password == "changed" ? localizer["Your password has been changed. Other devices are signed out."].Value : null;
        return Page();
    }

    public async Task<IActionResult> OnPostEverywhereAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Challenge();
        }

        history.Add(AccountEventKinds.SignedOutEverywhere, ActorOf(Account), Account, "mọi phiên và token cũ hết hiệu lực / every earlier session and token ends");
        await users.UpdateSecurityStampAsync(Account);
        await signIn.SignOutAsync();
        return LocalRedirect("/account/sign-in");
    }

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Challenge();
        }

        if (string.IsNullOrEmpty(CurrentPassword) || string.IsNullOrEmpty(NewPassword) || NewPassword != ConfirmPassword)
        {
            PasswordErrors = [localizer["Enter your current password, then the new one twice, the same both times."]];
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await users.ChangePasswordAsync(Account, CurrentPassword, NewPassword);
        if (!changed.Succeeded)
        {
            if (changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                // A wrong current password counts towards the lockout, as at sign-in.
                await users.AccessFailedAsync(Account);
                await transaction.CommitAsync(cancellationToken);
            }

            PasswordErrors = [.. changed.Errors.Select(e => e.Description)];
            return Page();
        }

        Account.MustChangePassword = false;
        history.Add(AccountEventKinds.PasswordChanged, ActorOf(Account), Account, "đổi mật khẩu; mọi phiên khác hết hiệu lực / password changed; every other session ends");
        await users.UpdateAsync(Account);
        await transaction.CommitAsync(cancellationToken);
        await signIn.RefreshSignInAsync(Account);
        return LocalRedirect("/account?password=changed");
    }

    public string RoleName(string role) => localizer["role." + role];

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return false;
        }

        Account = account;
        var held = await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == account.Id).Include(r => r.Unit).ToListAsync(cancellationToken);
        var roles = new List<HeldRole>();
        foreach (var role in held.OrderBy(r => Role.All.ToList().IndexOf(r.Role)))
        {
            var below = (await hierarchy.SubtreesAsync([role.UnitId], cancellationToken)).Count - 1;
            roles.Add(new HeldRole(role.Role, role.Unit!.Code.Value, role.Unit.Name, below));
        }

        Roles = roles;
        return true;
    }

    private Actor ActorOf(UserAccount account) => new()
    {
        UserId = account.Id,
        Name = account.UserName!,
        Channel = ValueSources.Form,
        RemoteAddress = HttpContext.Connection.RemoteIpAddress?.ToString(),
    };

    /// <summary>A role held on a unit, and how many units lie under it.</summary>
    public sealed record HeldRole(string Role, string UnitCode, string UnitName, int UnitsBelow);
}
