using Microsoft.AspNetCore.Identity;
using OpenDti.Domain.Accounts;

namespace OpenDti.Features.Accounts;

/// <summary>
/// The sign-in rules, one place for the web application and the command line: long passwords rather than
/// composition rules (NIST SP 800-63B), not the user name, lockout after repeated failures.
/// </summary>
internal static class AccountRules
{
    public const int MinimumPasswordLength = 10;

    public const int MaxFailedSignIns = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>The characters a user name may have: ASCII letters and digits, '.', '-', '_' and '@'.</summary>
    public const string UserNameCharacters = "abcdefghijklmnopqrstuvwxyz0123456789.-_@";

    public static void Configure(IdentityOptions options)
    {
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequiredUniqueChars = 4;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
        options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
        options.Lockout.AllowedForNewUsers = true;
        options.User.AllowedUserNameCharacters = UserNameCharacters;
        options.User.RequireUniqueEmail = false;
        options.SignIn.RequireConfirmedAccount = false;
    }

    /// <summary>The Identity services over the store, for the web application and the command line alike.</summary>
    public static IdentityBuilder AddOpenDtiIdentity(this IServiceCollection services) =>
        services.AddIdentityCore<UserAccount>(Configure)
            .AddEntityFrameworkStores<Store.OpenDtiDbContext>()
            .AddPasswordValidator<NotTheUserName>()
            .AddErrorDescriber<VietnameseIdentityErrors>();

    /// <summary>Refuses a password that contains the user name.</summary>
    private sealed class NotTheUserName : IPasswordValidator<UserAccount>
    {
        public Task<IdentityResult> ValidateAsync(UserManager<UserAccount> manager, UserAccount user, string? password) =>
            Task.FromResult(password is not null && user.UserName is { Length: > 0 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase)
                ? IdentityResult.Failed(new IdentityError
                {
                    Code = "PasswordContainsUserName",
                    Description = "Mật khẩu không được chứa tên đăng nhập / the password must not contain the user name.",
                })
                : IdentityResult.Success);
    }
}
