using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenDti.Domain.Accounts;

namespace OpenDti.Store.Model;

/// <summary>How an <see cref="Actor"/> is stored beside what it did: actor_user_id, actor_name, actor_channel, …</summary>
internal static class ActorColumns
{
    public static void Configure(ComplexPropertyBuilder<Actor> actor)
    {
        actor.Property(a => a.UserId).HasColumnName("actor_user_id");
        actor.Property(a => a.ApiKeyId).HasColumnName("actor_api_key_id");
        actor.Property(a => a.Name).HasColumnName("actor_name").HasMaxLength(200);
        actor.Property(a => a.Channel).HasColumnName("actor_channel").HasMaxLength(16);
        actor.Property(a => a.RemoteAddress).HasColumnName("actor_address").HasMaxLength(64);
    }
}
