using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Problems;
using OpenDti.Domain.Text;
using OpenDti.Store;

namespace OpenDti.Features.Accounts;

/// <summary>
/// User administration for national and province administrators, within the subtrees where they hold the
/// Administer ability. An administrator sees every account with a role inside their subtrees; grants and
/// withdraws roles on units inside them only (national-admin only on the nation, province-admin only on a
/// province, so a province administrator can never grant more than they hold); and locks, unlocks or resets
/// the password of accounts whose every role lies inside their subtrees. Nobody changes their own roles or
/// locks themselves. Every change is recorded in the account history in the same transaction.
/// </summary>
public sealed class UserAdministration(OpenDtiDbContext db, UserManager<UserAccount> users, UnitHierarchy hierarchy, AccountHistory history, TimeProvider time)
{
    /// <summary>The accounts with a role inside the actor's subtrees (every account for a national administrator).</summary>
    public async Task<IReadOnlyList<UserRow>> ListAsync(SignedIn actor, CancellationToken cancellationToken)
    {
        var subtree = await AdministeredAsync(actor, cancellationToken);
        if (subtree.Count == 0)
        {
            return [];
        }

        var all = await db.Users.AsNoTracking().Include(u => u.Roles).ThenInclude(r => r.Unit).ToListAsync(cancellationToken);
        var nation = await IsNationAdministratorAsync(actor, cancellationToken);
        return [.. all.Where(u => u.Roles.Any(r => subtree.Contains(r.UnitId)) || (nation && u.Roles.Count == 0))
            .OrderBy(u => u.UserName, StringComparer.Ordinal)
            .Select(u => UserRow.From(u, time, subtree, u.Roles.All(r => subtree.Contains(r.UnitId)) && (u.Roles.Count > 0 || nation)))];
    }

    /// <summary>One account as the actor may see it, or NotFound.</summary>
    public async Task<(AccountResult Result, UserRow? User)> GetAsync(SignedIn actor, string userName, CancellationToken cancellationToken)
    {
        var subtree = await AdministeredAsync(actor, cancellationToken);
        var user = await FindAsync(userName, cancellationToken);
        var nation = await IsNationAdministratorAsync(actor, cancellationToken);
        if (user is null || subtree.Count == 0 || !(user.Roles.Any(r => subtree.Contains(r.UnitId)) || (nation && user.Roles.Count == 0)))
        {
            return (NotFound(userName), null);
        }

        return (AccountResult.Done, UserRow.From(user, time, subtree, IsManageable(user, subtree, nation)));
    }

    /// <summary>The account when the actor may manage it as a whole (every role inside their subtrees).</summary>
    public async Task<(AccountResult Result, UserAccount? User)> FindManageableAsync(SignedIn actor, string userName, CancellationToken cancellationToken)
    {
        var (result, row) = await GetAsync(actor, userName, cancellationToken);
        if (!result.Succeeded)
        {
            return (result, null);
        }

        if (!row!.IsManageable)
        {
            return (Forbidden("userName", "user.outside", "một tài khoản mà mọi vai trò đều thuộc đơn vị bạn quản trị / an account whose every role lies within the units you administer", userName), null);
        }

        return (AccountResult.Done, await FindAsync(userName, cancellationToken));
    }

    /// <summary>Adds an account with one role and a one-time password, which the person must replace at first sign-in.</summary>
    public async Task<(AccountResult Result, string? OneTimePassword)> AddAsync(SignedIn actor, NewUser request, string channel, CancellationToken cancellationToken)
    {
        var problems = new List<InputProblem>();
        var name = VietnameseText.Normalize(request.UserName ?? string.Empty).Trim().ToLowerInvariant();
        var displayName = VietnameseText.Normalize(request.DisplayName ?? string.Empty).Trim();
        if (displayName.Length > 200)
        {
            problems.Add(Problem("displayName", "user.display-name", "tên hiển thị tối đa 200 ký tự / a display name of 200 characters at most", displayName[..20] + "…"));
        }

        var account = new UserAccount
        {
            UserName = name,
            DisplayName = displayName.Length > 0 ? displayName : name,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            MustChangePassword = true,
        };
        foreach (var validator in users.UserValidators)
        {
            problems.AddRange((await validator.ValidateAsync(users, account)).Errors.Select(e => Problem("userName", "user." + e.Code, e.Description, request.UserName)));
        }

        var (grantRefusal, unit) = await CheckGrantAsync(actor, request.Role, request.Unit, problems, cancellationToken);
        if (grantRefusal is not null)
        {
            return (grantRefusal, null);
        }

        if (problems.Count > 0)
        {
            return (AccountResult.Invalid(problems), null);
        }

        var password = await OneTimePasswordAsync(account);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(account, password);
        if (!created.Succeeded)
        {
            return (AccountResult.Invalid([.. created.Errors.Select(e => Problem("userName", "user." + e.Code, e.Description, name))]), null);
        }

        db.RoleAssignments.Add(new RoleAssignment { UserId = account.Id, Role = request.Role!, UnitId = unit!.Id, GrantedAtUtc = time.GetUtcNow().UtcDateTime });
        history.Add(AccountEventKinds.UserAdded, actor.AsActor(channel), account, $"{request.Role} @ {unit.Code} {unit.Name}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (AccountResult.Done, password);
    }

    /// <summary>Grants a role on a unit inside the actor's subtrees to another account.</summary>
    public async Task<AccountResult> GrantAsync(SignedIn actor, string userName, string? role, string? unitCode, string channel, CancellationToken cancellationToken)
    {
        var target = await FindAsync(userName, cancellationToken);
        if (target is null || (await AdministeredAsync(actor, cancellationToken)).Count == 0)
        {
            return NotFound(userName);
        }

        if (target.Id == actor.User.Id)
        {
            return NotYourself();
        }

        var problems = new List<InputProblem>();
        var (refusal, unit) = await CheckGrantAsync(actor, role, unitCode, problems, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (problems.Count > 0)
        {
            return AccountResult.Invalid(problems);
        }

        if (target.Roles.Any(r => r.Role == role && r.UnitId == unit!.Id))
        {
            return AccountResult.Done;
        }

        db.RoleAssignments.Add(new RoleAssignment { UserId = target.Id, Role = role!, UnitId = unit!.Id, GrantedAtUtc = time.GetUtcNow().UtcDateTime });
        history.Add(AccountEventKinds.RoleGranted, actor.AsActor(channel), target, $"{role} @ {unit.Code} {unit.Name}");
        await db.SaveChangesAsync(cancellationToken);
        return AccountResult.Done;
    }

    /// <summary>Withdraws one role held on a unit inside the actor's subtrees; the change applies at the account's next request.</summary>
    public async Task<AccountResult> WithdrawAsync(SignedIn actor, string userName, int roleId, string channel, CancellationToken cancellationToken)
    {
        var (visible, _) = await GetAsync(actor, userName, cancellationToken);
        if (!visible.Succeeded)
        {
            return visible;
        }

        var target = await FindAsync(userName, cancellationToken);
        var assignment = target!.Roles.SingleOrDefault(r => r.Id == roleId);
        if (assignment is null)
        {
            return AccountResult.Refuse(AccountRefusal.NotFound, "roleId", "role.not-found", $"một vai trò của tài khoản {target.UserName} / a role of {target.UserName}", roleId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (target.Id == actor.User.Id)
        {
            return NotYourself();
        }

        if (!actor.Allows(Ability.Administer, await hierarchy.AncestryAsync(assignment.UnitId, cancellationToken)))
        {
            return Forbidden("roleId", "role.outside", "một vai trò trên đơn vị bạn quản trị / a role on a unit you administer", $"{assignment.Role} @ {assignment.Unit?.Code}");
        }

        db.RoleAssignments.Remove(assignment);
        history.Add(AccountEventKinds.RoleWithdrawn, actor.AsActor(channel), target, $"{assignment.Role} @ {assignment.Unit?.Code} {assignment.Unit?.Name}");
        await db.SaveChangesAsync(cancellationToken);
        return AccountResult.Done;
    }

    /// <summary>Locks the account until unlocked: its sessions, tokens and keys stop working at once.</summary>
    public Task<AccountResult> LockAsync(SignedIn actor, string userName, string channel, CancellationToken cancellationToken) =>
        ChangeAsync(actor, userName, channel, AccountEventKinds.Locked, user =>
        {
            user.LockoutEnabled = true;
            user.LockoutEnd = LockedByAdministrator;
            NewStamps(user);
            return "khoá đến khi mở / locked until unlocked";
        }, cancellationToken);

    /// <summary>Unlocks the account, whether an administrator or failed sign-ins locked it.</summary>
    public Task<AccountResult> UnlockAsync(SignedIn actor, string userName, string channel, CancellationToken cancellationToken) =>
        ChangeAsync(actor, userName, channel, AccountEventKinds.Unlocked, user =>
        {
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
            return "mở khoá / unlocked";
        }, cancellationToken);

    /// <summary>Replaces the password by a one-time password (returned, never stored in clear) and ends every session.</summary>
    public async Task<(AccountResult Result, string? OneTimePassword)> ResetPasswordAsync(SignedIn actor, string userName, string channel, CancellationToken cancellationToken)
    {
        var target = await FindAsync(userName, cancellationToken);
        var password = target is null ? null : await OneTimePasswordAsync(target);
        var result = await ChangeAsync(actor, userName, channel, AccountEventKinds.PasswordReset, user =>
        {
            user.PasswordHash = users.PasswordHasher.HashPassword(user, password!);
            user.MustChangePassword = true;
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            NewStamps(user);
            return "mật khẩu dùng một lần, phải đổi khi đăng nhập / one-time password, to be changed at sign-in";
        }, cancellationToken);
        return (result, result.Succeeded ? password : null);
    }

    /// <summary>The lockout end an administrator's lock sets: far enough to mean "until unlocked", within every store's range.</summary>
    public static readonly DateTimeOffset LockedByAdministrator = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The units where the actor administers: their subtrees.</summary>
    public async Task<IReadOnlySet<int>> AdministeredAsync(SignedIn actor, CancellationToken cancellationToken) =>
        actor.Key is not null ? new HashSet<int>() : await hierarchy.SubtreesAsync(actor.RootsFor(Ability.Administer), cancellationToken);

    /// <summary>
    /// Changes the account's row directly rather than through UserManager.UpdateAsync, which would mark the
    /// loaded roles and units as modified too; a new security stamp ends every session and token (CurrentActor
    /// and the cookie validator compare it on every request).
    /// </summary>
    private static void NewStamps(UserAccount user)
    {
        user.SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
    }

    private async Task<AccountResult> ChangeAsync(SignedIn actor, string userName, string channel, string kind, Func<UserAccount, string> change, CancellationToken cancellationToken)
    {
        var (result, target) = await FindManageableAsync(actor, userName, cancellationToken);
        if (!result.Succeeded)
        {
            return result;
        }

        if (target!.Id == actor.User.Id)
        {
            return NotYourself();
        }

        history.Add(kind, actor.AsActor(channel), target, change(target));
        await db.SaveChangesAsync(cancellationToken);
        return AccountResult.Done;
    }

    /// <summary>Checks a role and unit to grant: a refusal (Forbidden) when outside the actor's rights, else problems of the input.</summary>
    private async Task<(AccountResult? Refusal, ReportingUnit? Unit)> CheckGrantAsync(SignedIn actor, string? role, string? unitCode, List<InputProblem> problems, CancellationToken cancellationToken)
    {
        if (!Role.IsKnown(role))
        {
            problems.Add(Problem("role", "role.unknown", $"một trong / one of {string.Join(", ", Role.All)}", role));
        }

        var code = unitCode?.Trim();
        var unit = UnitCode.IsValid(code)
            ? await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == new UnitCode(code!) && u.ValidTo == null, cancellationToken)
            : null;
        if (unit is null)
        {
            problems.Add(Problem("unit", "unit.unknown", "mã một đơn vị đang hiệu lực / the code of a unit in force", unitCode));
            return (null, null);
        }

        if (!actor.Allows(Ability.Administer, await hierarchy.AncestryAsync(unit.Id, cancellationToken)))
        {
            return (Forbidden("unit", "unit.outside", "một đơn vị bạn quản trị / a unit you administer", unit.Code.Value), null);
        }

        if (role == Role.NationalAdmin && unit.Level != UnitLevel.Nation)
        {
            problems.Add(Problem("unit", "role.national-on-nation", $"{Role.NationalAdmin} gắn với đơn vị cấp quốc gia / {Role.NationalAdmin} is held on the nation", unit.Code.Value));
        }
        else if (role == Role.ProvinceAdmin && unit.Level != UnitLevel.Province)
        {
            problems.Add(Problem("unit", "role.province-on-province", $"{Role.ProvinceAdmin} gắn với một tỉnh / {Role.ProvinceAdmin} is held on a province", unit.Code.Value));
        }

        return (null, unit);
    }

    private async Task<bool> IsNationAdministratorAsync(SignedIn actor, CancellationToken cancellationToken)
    {
        var nation = await db.Units.AsNoTracking().Where(u => u.Level == UnitLevel.Nation && u.ValidTo == null).Select(u => (int?)u.Id).FirstOrDefaultAsync(cancellationToken);
        return actor.Key is null && nation is { } id && actor.Allows(Ability.Administer, [id]);
    }

    private static bool IsManageable(UserAccount user, IReadOnlySet<int> subtree, bool nation) =>
        user.Roles.Count == 0 ? nation : user.Roles.All(r => subtree.Contains(r.UnitId));

    private async Task<UserAccount?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        var normalized = users.NormalizeName(userName.Trim());
        return await db.Users.Include(u => u.Roles).ThenInclude(r => r.Unit).SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
    }

    /// <summary>A random password that passes the rules (16 letters and digits without look-alikes, in groups of four).</summary>
    private async Task<string> OneTimePasswordAsync(UserAccount account)
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        while (true)
        {
            var groups = Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(alphabet, 4));
            var password = string.Join('-', groups);
            var valid = true;
            foreach (var validator in users.PasswordValidators)
            {
                valid &= (await validator.ValidateAsync(users, account, password)).Succeeded;
            }

            if (valid)
            {
                return password;
            }
        }
    }

    private static AccountResult NotFound(string userName) => AccountResult.Refuse(
        AccountRefusal.NotFound, "userName", "user.not-found", "một tài khoản có vai trò trong đơn vị bạn quản trị / an account with a role in the units you administer", userName);

    private static AccountResult NotYourself() => AccountResult.Refuse(
        AccountRefusal.Forbidden, "userName", "user.self", "tài khoản của người khác: không ai tự đổi vai trò hay tự khoá mình; nhờ một quản trị viên khác / another person's account: nobody changes their own roles or locks themselves; ask another administrator");

    private static AccountResult Forbidden(string field, string code, string expected, string? found) =>
        AccountResult.Refuse(AccountRefusal.Forbidden, field, code, expected, found);

    private static InputProblem Problem(string field, string code, string expected, string? found = null) =>
        new(code, new ProblemPlace(Field: field), expected, found);
}

/// <summary>The account an administrator adds.</summary>
public sealed record NewUser(string? UserName, string? DisplayName, string? Role, string? Unit);

/// <summary>An account as administrators see it.</summary>
public sealed record UserRow(int Id, string UserName, string? DisplayName, bool IsLocked, DateTimeOffset? LockedUntil, bool MustChangePassword, DateTime CreatedAtUtc, IReadOnlyList<RoleRow> Roles, bool IsManageable)
{
    public static UserRow From(UserAccount user, TimeProvider time, IReadOnlySet<int> subtree, bool manageable) => new(
        user.Id,
        user.UserName!,
        user.DisplayName,
        user.LockoutEnd is { } end && end > time.GetUtcNow(),
        user.LockoutEnd is { } until && until > time.GetUtcNow() ? until : null,
        user.MustChangePassword,
        user.CreatedAtUtc,
        [.. user.Roles.OrderBy(r => Role.All.ToList().IndexOf(r.Role)).Select(r => new RoleRow(r.Id, r.Role, r.Unit?.Code.Value ?? "?", r.Unit?.Name ?? "?", subtree.Contains(r.UnitId)))],
        manageable);
}

/// <summary>A role held on a unit; <see cref="IsAdministered"/> when the viewer may withdraw it.</summary>
public sealed record RoleRow(int Id, string Role, string UnitCode, string UnitName, bool IsAdministered);
