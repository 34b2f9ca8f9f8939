using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenDti.Domain.Accounts;

namespace OpenDti.Features.Accounts;

/// <summary>
/// Signs out on POST only (with the antiforgery token), so that a link or an image on another site cannot
/// sign anyone out; a GET shows the button.
/// </summary>
public sealed class SignOutModel(SignInManager<UserAccount> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
