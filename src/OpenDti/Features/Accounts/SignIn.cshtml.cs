using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenDti.Domain.Accounts;
using OpenDti.Web;

namespace OpenDti.Features.Accounts;

/// <summary>
/// The sign-in form. A wrong password and an unknown user get the same message; repeated failures lock the
/// account for a while (the message says until when); after signing in the person goes back to the page they
/// came from, if it is on this site, and nowhere else.
/// </summary>
public sealed class SignInModel(SignInManager<UserAccount> signIn, UserManager<UserAccount> users, IStringLocalizer<SharedResource> localizer) : PageModel
{
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var name = UserName?.Trim() ?? string.Empty;
        if (name.Length == 0 || string.IsNullOrEmpty(Password))
        {
            Error = localizer["Enter your user name and password."];
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(name, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            var user = await users.FindByNameAsync(name);
            return user?.MustChangePassword == true
                ? LocalRedirect("/account?password=required")
                : LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/account");
        }

        if (result.IsLockedOut && await users.FindByNameAsync(name) is { LockoutEnd: { } end })
        {
            Error = end >= UserAdministration.LockedByAdministrator
                ? localizer["This account has been locked by an administrator. Ask your administrator to unlock it."]
                : localizer.Format(
                    "Too many wrong passwords: the account is locked until {0} (Vietnam time). Try again then, or ask your administrator.",
                    end.ToOffset(VietnamOffset).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture));
            return Page();
        }

        Error = localizer["Wrong user name or password."];
        return Page();
    }
}
