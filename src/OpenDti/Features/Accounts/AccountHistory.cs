using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Store;

namespace OpenDti.Features.Accounts;

/// <summary>
/// The append-only history of account changes: each operation adds its event to the same unit of work as
/// the change itself, so that both are saved together or neither is.
/// </summary>
public sealed class AccountHistory(OpenDtiDbContext db, TimeProvider time)
{
    /// <summary>Adds an event to the context; the caller's SaveChanges stores it with the change.</summary>
    public void Add(string kind, Actor actor, UserAccount? target, string detail) =>
        db.AccountEvents.Add(new AccountEvent
        {
            Kind = kind,
            Actor = actor,
            TargetUserId = target?.Id,
            TargetUserName = target?.UserName,
            Detail = detail,
            AtUtc = time.GetUtcNow().UtcDateTime,
        });

    /// <summary>The events concerning one account, newest first.</summary>
    public async Task<IReadOnlyList<AccountEventRow>> ForUserAsync(int userId, CancellationToken cancellationToken) =>
        await db.AccountEvents.AsNoTracking()
            .Where(e => e.TargetUserId == userId)
            .OrderByDescending(e => e.Id)
            .Take(500)
            .Select(e => new AccountEventRow(e.AtUtc, e.Kind, e.Actor.Name, e.Actor.Channel, e.Actor.RemoteAddress, e.Detail))
            .ToListAsync(cancellationToken);
}

/// <summary>One account event as pages and the API show it.</summary>
public sealed record AccountEventRow(DateTime AtUtc, string Kind, string By, string Channel, string? From, string Detail);
