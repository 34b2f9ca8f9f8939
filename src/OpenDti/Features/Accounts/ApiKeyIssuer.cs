using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Problems;
using OpenDti.Domain.Text;
using OpenDti.Store;

namespace OpenDti.Features.Accounts;

/// <summary>
/// Creates, lists and revokes API keys. A person creates keys for themselves only, with a role of data entry or
/// viewer on units within their own subtrees for that role's ability; the key text is returned once and only its
/// hash is stored. A key cannot create or revoke keys. Administrators list and revoke the keys of the accounts
/// they administer.
/// </summary>
public sealed class ApiKeyIssuer(OpenDtiDbContext db, UnitHierarchy hierarchy, UserAdministration administration, AccountHistory history, TimeProvider time)
{
    public const int DefaultDays = 90;

    public const int MaxDays = 365;

    public const int MaxNameLength = 200;

    /// <summary>The roles a key may have.</summary>
    public static IReadOnlyList<string> KeyRoles { get; } = [Role.DataEntry, Role.Viewer];

    /// <summary>Creates a key for the actor; the key text is in the result, the only time it exists outside the caller.</summary>
    public async Task<(AccountResult Result, CreatedKey? Key)> CreateAsync(SignedIn actor, KeyRequest request, string channel, CancellationToken cancellationToken)
    {
        if (actor.Key is not null)
        {
            return (NoKeysByKeys(), null);
        }

        var problems = new List<InputProblem>();
        var name = VietnameseText.Normalize(request.Name ?? string.Empty).Trim();
        if (name.Length is 0 or > MaxNameLength)
        {
            problems.Add(Problem("name", "key.name", $"một tên 1–{MaxNameLength} ký tự / a name of 1–{MaxNameLength} characters", request.Name));
        }

        var role = request.Role?.Trim() ?? string.Empty;
        if (!KeyRoles.Contains(role, StringComparer.Ordinal))
        {
            problems.Add(Problem("role", "key.role", $"một trong / one of {string.Join(", ", KeyRoles)}", request.Role));
        }

        var days = request.Days ?? DefaultDays;
        if (days is < 1 or > MaxDays)
        {
            problems.Add(Problem("days", "key.days", $"số ngày hiệu lực 1–{MaxDays} (tối đa một năm) / days of validity 1–{MaxDays} (a year at most)", request.Days?.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var units = await ResolveUnitsAsync(actor, role, request.Units ?? [], problems, cancellationToken);
        if (problems.Count > 0)
        {
            return (AccountResult.Invalid(problems), null);
        }

        var (prefix, secret, keyText) = ApiKey.Generate();
        var now = time.GetUtcNow().UtcDateTime;
        var key = new ApiKey
        {
            UserId = actor.User.Id,
            Name = name,
            Prefix = prefix,
            SecretHash = ApiKey.HashSecret(secret),
            Role = role,
            CreatedAtUtc = now,
            ExpiresAtUtc = now.AddDays(days),
        };
        key.Units.AddRange(units.Select(u => new ApiKeyUnit { UnitId = u.Id }));
        db.ApiKeys.Add(key);
        history.Add(AccountEventKinds.KeyCreated, actor.AsActor(channel), actor.User, $"{prefix} \"{name}\": {role} @ {string.Join(", ", units.Select(u => u.Code))}, hết hạn / expires {key.ExpiresAtUtc:yyyy-MM-dd}");
        await db.SaveChangesAsync(cancellationToken);
        return (AccountResult.Done, new CreatedKey(await RowAsync(key.Id, cancellationToken), keyText));
    }

    /// <summary>The keys of one account, newest first.</summary>
    public async Task<IReadOnlyList<KeyRow>> ListAsync(int userId, CancellationToken cancellationToken)
    {
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.UserId == userId).Include(k => k.User).Include(k => k.Units).OrderByDescending(k => k.Id).ToListAsync(cancellationToken);
        var unitIds = keys.SelectMany(k => k.Units.Select(u => u.UnitId)).Distinct().ToList();
        var codes = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Code.Value, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        return [.. keys.Select(k => KeyRow.From(k, codes, now))];
    }

    /// <summary>The keys of an account the actor administers (or the actor's own).</summary>
    public async Task<(AccountResult Result, IReadOnlyList<KeyRow> Keys)> ListForAsync(SignedIn actor, string? userName, CancellationToken cancellationToken)
    {
        if (actor.Key is not null)
        {
            return (NoKeysByKeys(), []);
        }

        if (string.IsNullOrWhiteSpace(userName) || string.Equals(userName.Trim(), actor.User.UserName, StringComparison.OrdinalIgnoreCase))
        {
            return (AccountResult.Done, await ListAsync(actor.User.Id, cancellationToken));
        }

        var (result, target) = await administration.FindManageableAsync(actor, userName, cancellationToken);
        return result.Succeeded ? (result, await ListAsync(target!.Id, cancellationToken)) : (result, []);
    }

    /// <summary>Revokes a key of the actor's own, or of an account the actor administers.</summary>
    public async Task<AccountResult> RevokeAsync(SignedIn actor, int keyId, string channel, CancellationToken cancellationToken)
    {
        if (actor.Key is not null)
        {
            return NoKeysByKeys();
        }

        var key = await db.ApiKeys.Include(k => k.User).SingleOrDefaultAsync(k => k.Id == keyId, cancellationToken);
        if (key is null)
        {
            return NotFound(keyId);
        }

        if (key.UserId != actor.User.Id)
        {
            var (result, _) = await administration.FindManageableAsync(actor, key.User!.UserName!, cancellationToken);
            if (!result.Succeeded)
            {
                // Another account's key that the actor does not administer is simply not there for them.
                return NotFound(keyId);
            }
        }

        if (key.RevokedAtUtc is not null)
        {
            return AccountResult.Done;
        }

        key.RevokedAtUtc = time.GetUtcNow().UtcDateTime;
        history.Add(AccountEventKinds.KeyRevoked, actor.AsActor(channel), key.User, $"{key.Prefix} \"{key.Name}\"");
        await db.SaveChangesAsync(cancellationToken);
        return AccountResult.Done;
    }

    private async Task<List<ReportingUnit>> ResolveUnitsAsync(SignedIn actor, string role, IReadOnlyList<string> codes, List<InputProblem> problems, CancellationToken cancellationToken)
    {
        var wanted = codes.SelectMany(c => (c ?? string.Empty).Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            problems.Add(Problem("units", "key.units", "ít nhất một mã đơn vị / at least one unit code"));
            return [];
        }

        var ability = role == Role.DataEntry ? Ability.Enter : Ability.Read;
        var units = new List<ReportingUnit>();
        foreach (var code in wanted)
        {
            var unit = UnitCode.IsValid(code)
                ? await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == new UnitCode(code) && u.ValidTo == null, cancellationToken)
                : null;
            if (unit is null)
            {
                problems.Add(Problem("units", "key.unit-unknown", "mã một đơn vị đang hiệu lực / the code of a unit in force", code));
            }
            else if (KeyRoles.Contains(role, StringComparer.Ordinal) && !actor.Allows(ability, await hierarchy.AncestryAsync(unit.Id, cancellationToken)))
            {
                problems.Add(Problem("units", "key.unit-outside", $"một đơn vị mà bạn được {(ability == Ability.Enter ? "nhập liệu / may enter data for" : "xem / may read")}", code));
            }
            else
            {
                units.Add(unit);
            }
        }

        return units;
    }

    private async Task<KeyRow> RowAsync(int keyId, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.AsNoTracking().Include(k => k.User).Include(k => k.Units).SingleAsync(k => k.Id == keyId, cancellationToken);
        var unitIds = key.Units.Select(u => u.UnitId).ToList();
        var codes = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Code.Value, cancellationToken);
        return KeyRow.From(key, codes, time.GetUtcNow().UtcDateTime);
    }

    private static AccountResult NoKeysByKeys() => AccountResult.Refuse(
        AccountRefusal.Forbidden, "X-Api-Key", "key.by-key", "khoá API không tạo, xem hay thu hồi khoá; đăng nhập bằng tài khoản / an API key cannot create, list or revoke keys; use a bearer token or the /account/keys page");

    private static AccountResult NotFound(int keyId) => AccountResult.Refuse(
        AccountRefusal.NotFound, "id", "key.not-found", "khoá của bạn hoặc của tài khoản bạn quản trị / a key of yours or of an account you administer", keyId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static InputProblem Problem(string field, string code, string expected, string? found = null) =>
        new(code, new ProblemPlace(Field: field), expected, found);
}

/// <summary>What a person asks for when creating a key.</summary>
public sealed record KeyRequest(string? Name, string? Role, IReadOnlyList<string>? Units, int? Days);

/// <summary>A created key: its row, and the key text, shown this once.</summary>
public sealed record CreatedKey(KeyRow Row, string KeyText);

/// <summary>A key as lists show it; never its secret.</summary>
public sealed record KeyRow(int Id, string Owner, string Name, string Prefix, string Role, IReadOnlyList<string> Units, DateTime CreatedAtUtc, DateTime ExpiresAtUtc, DateTime? RevokedAtUtc, bool IsActive)
{
    public static KeyRow From(ApiKey key, IReadOnlyDictionary<int, string> codes, DateTime nowUtc) => new(
        key.Id,
        key.User?.UserName ?? string.Empty,
        key.Name,
        key.Prefix,
        key.Role,
        [.. key.Units.Select(u => codes.GetValueOrDefault(u.UnitId, "?")).Order(StringComparer.Ordinal)],
        key.CreatedAtUtc,
        key.ExpiresAtUtc,
        key.RevokedAtUtc,
        key.IsActiveAt(nowUtc));
}
