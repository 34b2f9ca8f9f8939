using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Text;
using OpenDti.Store;

namespace OpenDti.Features.Accounts;

/// <summary>
/// Creates accounts: a user name, a password kept only as a salted hash (ASP.NET Core Identity's
/// PBKDF2 hasher), a role and the unit it applies to. The full sign-in and permission model comes
/// with the data-collection work; this is the record it starts from.
/// </summary>
public sealed class UserAccounts(OpenDtiDbContext db, TimeProvider time)
{
    public const int MinimumPasswordLength = 10;

    /// <summary>Adds the account, or returns why it cannot (every problem at once, nothing written).</summary>
    public async Task<IReadOnlyList<string>> AddAsync(string userName, string password, string role, string unitCode, CancellationToken cancellationToken)
    {
        var name = VietnameseText.Normalize(userName).ToLowerInvariant();
        var problems = new List<string>();
        if (name.Length is < 3 or > 100 || name.Any(char.IsWhiteSpace))
        {
            problems.Add($"--name: cần 3–100 ký tự, không có khoảng trắng / expected 3–100 characters without spaces; nhận được / found '{userName}'.");
        }

        if (password.Length < MinimumPasswordLength)
        {
            problems.Add($"--password: cần ít nhất {MinimumPasswordLength} ký tự / expected at least {MinimumPasswordLength} characters.");
        }

        if (!Role.IsKnown(role))
        {
            problems.Add($"--role: cần một trong / expected one of {string.Join(", ", Role.All)}; nhận được / found '{role}'.");
        }

        var unit = UnitCode.IsValid(unitCode)
            ? await db.Units.Where(u => u.Code == new UnitCode(unitCode) && u.ValidTo == null).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (unit is null)
        {
            problems.Add($"--unit: không có đơn vị đang hiệu lực mã '{unitCode}' / no unit in force has the code '{unitCode}'.");
        }

        if (await db.Users.AnyAsync(u => u.UserName == name, cancellationToken))
        {
            problems.Add($"--name: tài khoản '{name}' đã có / the account '{name}' already exists.");
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var account = new UserAccount
        {
            UserName = name,
            PasswordHash = string.Empty,
            Role = role,
            UnitId = unit!.Id,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        account.PasswordHash = new PasswordHasher<UserAccount>().HashPassword(account, password);
        db.Users.Add(account);
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }
}
