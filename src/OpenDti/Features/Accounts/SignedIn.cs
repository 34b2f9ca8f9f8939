using OpenDti.Domain.Accounts;

namespace OpenDti.Features.Accounts;

/// <summary>
/// The actor behind a request: the account, and the API key when one was used, with what they may do.
/// A key never gives more than its owner holds: every check must pass both the key's scope and the owner's.
/// </summary>
public sealed class SignedIn
{
    private readonly IReadOnlyList<AccessScope> _scopes;

    internal SignedIn(UserAccount user, ApiKey? key, string? remoteAddress)
    {
        User = user;
        Key = key;
        RemoteAddress = remoteAddress;
        var owner = new AccessScope(user.Roles.Select(r => new AccessScope.Grant(r.Role, r.UnitId)));
        _scopes = key is null ? [owner] : [owner, new AccessScope(key.Units.Select(u => new AccessScope.Grant(key.Role, u.UnitId)))];
    }

    /// <summary>The account (the key's owner when a key was used).</summary>
    public UserAccount User { get; }

    /// <summary>The API key, when the request came with one.</summary>
    public ApiKey? Key { get; }

    /// <summary>The client's address.</summary>
    public string? RemoteAddress { get; }

    /// <summary>The name the audit trail keeps.</summary>
    public string Name => Key is null ? User.UserName! : $"{User.UserName} (API key {Key.Prefix}: {Key.Name})";

    /// <summary>True when every scope allows <paramref name="ability"/> on the unit whose ancestry is given (unit first).</summary>
    public bool Allows(Ability ability, IReadOnlyList<int> unitAndAncestors) => _scopes.All(s => s.Allows(ability, unitAndAncestors));

    /// <summary>True when the actor may <paramref name="ability"/> somewhere (to show or hide a menu).</summary>
    public bool HasAnywhere(Ability ability) => _scopes.All(s => s.HasAnywhere(ability));

    /// <summary>
    /// The units at the top of the subtrees where the key, when one was used, else the account may <paramref name="ability"/>.
    /// A key's subtrees may reach beyond its owner's: check each unit under them with <see cref="Allows"/>.
    /// </summary>
    public IReadOnlyList<int> RootsFor(Ability ability) => _scopes[^1].RootsFor(ability);

    /// <summary>The actor as histories record it, for a change that came through <paramref name="channel"/>.</summary>
    public Actor AsActor(string channel) => new()
    {
        UserId = User.Id,
        ApiKeyId = Key?.Id,
        Name = Name,
        Channel = Key is null ? channel : Domain.Values.ValueSources.Api,
        RemoteAddress = RemoteAddress,
    };
}
