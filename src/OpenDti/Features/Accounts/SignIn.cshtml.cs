using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenDti.Domain.Accounts;

namespace OpenDti.Features.Accounts;

/// <summary>
/// <c>/account/sign-in</c>: user name and password, then the sign-in cookie and back to a local page.
/// Failures count towards the lockout (<see cref="AccountRules"/>); the message does not say which of the
/// two was wrong.
/// </summary>
public sealed class SignInModel(SignInManager<UserAccount> signIn, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    [Required]
    public string UserName { get; set; } = string.Empty;

    [BindProperty]
    [Required]
    [DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = ModelState.IsValid
            ? await signIn.PasswordSignInAsync(UserName.Trim().ToLowerInvariant(), Password, isPersistent: false, lockoutOnFailure: true)
            : Microsoft.AspNetCore.Identity.SignInResult.Failed;
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        Error = result.IsLockedOut
            ? localizer["account.Too many failed attempts: the account is locked for a while. Try again later."]
            : localizer["account.The user name or password is wrong."];
        Password = string.Empty;
        return Page();
    }
}
