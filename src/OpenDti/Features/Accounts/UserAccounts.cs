using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Text;
using OpenDti.Store;

namespace OpenDti.Features.Accounts;

/// <summary>
/// Creates accounts and grants roles: ASP.NET Core Identity keeps the password (salted PBKDF2), the lockout
/// state and the security stamp; a role is held on a unit in force and covers its subtree.
/// </summary>
public sealed class UserAccounts(OpenDtiDbContext db, UserManager<UserAccount> users, TimeProvider time)
{
    /// <summary>Adds the account with one role, or returns why it cannot (every problem at once, nothing written).</summary>
    public async Task<IReadOnlyList<string>> AddAsync(string userName, string password, string role, string unitCode, CancellationToken cancellationToken)
    {
        var name = VietnameseText.Normalize(userName).Trim().ToLowerInvariant();
        var problems = new List<string>();
        var unit = await FindUnitAsync(role, unitCode, problems, cancellationToken);
        var account = new UserAccount { UserName = name, DisplayName = name, CreatedAtUtc = time.GetUtcNow().UtcDateTime };
        foreach (var validator in users.UserValidators)
        {
            problems.AddRange((await validator.ValidateAsync(users, account)).Errors.Select(e => "--name: " + e.Description));
        }

        foreach (var validator in users.PasswordValidators)
        {
            problems.AddRange((await validator.ValidateAsync(users, account, password)).Errors.Select(e => "--password: " + e.Description));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(account, password);
        if (!created.Succeeded)
        {
            return [.. created.Errors.Select(e => e.Description)];
        }

        db.RoleAssignments.Add(new RoleAssignment { UserId = account.Id, Role = role, UnitId = unit!.Id, GrantedAtUtc = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    /// <summary>Gives an existing account one more role on a unit's subtree.</summary>
    public async Task<IReadOnlyList<string>> GrantAsync(string userName, string role, string unitCode, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var unit = await FindUnitAsync(role, unitCode, problems, cancellationToken);
        var account = await users.FindByNameAsync(userName.Trim());
        if (account is null)
        {
            problems.Add($"--name: không có tài khoản '{userName}' / no account named '{userName}'.");
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        if (!await db.RoleAssignments.AnyAsync(r => r.UserId == account!.Id && r.Role == role && r.UnitId == unit!.Id, cancellationToken))
        {
            db.RoleAssignments.Add(new RoleAssignment { UserId = account!.Id, Role = role, UnitId = unit!.Id, GrantedAtUtc = time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
        }

        return [];
    }

    private async Task<ReportingUnit?> FindUnitAsync(string role, string unitCode, List<string> problems, CancellationToken cancellationToken)
    {
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
        else if (role == Role.NationalAdmin && unit.Level != UnitLevel.Nation)
        {
            problems.Add($"--unit: vai trò {Role.NationalAdmin} gắn với đơn vị cấp quốc gia / {Role.NationalAdmin} is held on the nation; found '{unitCode}'.");
        }

        return unit;
    }
}
