using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenDti.Domain.Collection;
using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Geography;
using OpenDti.Store.Model;
using OpenDti.Store.Seed;

namespace OpenDti.Store;

/// <summary>
/// Brings a store up to date at start: applies the provider's migrations, then each seed data set that
/// has not been applied yet, each in its own transaction. Safe to run on every start and from several
/// instances (EF Core takes a migration lock; a seed record's primary key stops a second application).
/// </summary>
public sealed partial class StoreInitializer(OpenDtiDbContext db, TimeProvider time, ILogger<StoreInitializer>? logger = null)
{
    /// <summary>The seed record of the national geography (63 + 34 provinces, successions).</summary>
    public const string GeographySeedName = "geography-vn-2025";

    /// <summary>The seed record of the measure catalogue and the CT749 and DTI frameworks.</summary>
    public const string FrameworksSeedName = "frameworks-2022";

    /// <summary>The seed record of the data sets and the frameworks' validation rules.</summary>
    public const string DataSetsSeedName = "data-sets-2025";

    /// <summary>The seed record of Decision 749/QĐ-TTg and its targets.</summary>
    public const string TargetsSeedName = "targets-749";

    /// <summary>
    /// The seed record that brings stores seeded before the awareness and training measures (and their data set)
    /// up to the catalogue: whatever measure or data set of the seed files the store lacks is added.
    /// </summary>
    public const string AwarenessSeedName = "awareness-2026";

    /// <summary>
    /// The seed record that brings stores seeded before the stored dossier KPIs up to the catalogue: the processing-time
    /// and full-online measures and the PUBLIC_SERVICES framework, whatever of them the store lacks.
    /// </summary>
    public const string DossierKpisSeedName = "dossier-kpis-2026";

    /// <summary>
    /// The seed record that brings stores seeded before CT749's OFFICIALS_TRAINED_SHARE (pillar FOUNDATION) up to
    /// the seed file: every framework node of a seeded version that the store's version lacks is added.
    /// </summary>
    public const string OfficialsTrainedShareSeedName = "officials-trained-share-2026";

    /// <summary>The seed record of the demo data set; once removed it is not seeded again.</summary>
    public const string DemoSeedName = "demo";

    private readonly ILogger _logger = logger ?? NullLogger<StoreInitializer>.Instance;

    /// <summary>Migrates the store and applies the national seed; with <paramref name="includeDemo"/>, the demo data too (once; never again after an administrator removed it).</summary>
    public Task InitializeAsync(bool includeDemo, CancellationToken cancellationToken) =>
        InitializeAsync(includeDemo, thenInTurn: null, cancellationToken);

    /// <summary>
    /// As <see cref="InitializeAsync(bool, CancellationToken)"/>, then <paramref name="thenInTurn"/> — work that reads
    /// the seed and records itself once (the demo rankings) — before another instance may take its turn.
    /// </summary>
    public async Task InitializeAsync(bool includeDemo, Func<CancellationToken, Task>? thenInTurn, CancellationToken cancellationToken)
    {
        // Instances starting together on one PostgreSQL take turns: the first migrates and seeds, the others
        // wait on a session lock and then find everything applied (without it the second one's seed would
        // collide with the first one's and stop that instance at start).
        await using var turn = await InitializationTurn.TakeAsync(db, cancellationToken);
        await MigrateAsync(cancellationToken);
        await ApplyOnceAsync(GeographySeedName, AddGeographyAsync, cancellationToken);
        await ApplyOnceAsync(FrameworksSeedName, AddFrameworksAsync, cancellationToken);
        await ApplyOnceAsync(DataSetsSeedName, AddDataSetsAsync, cancellationToken);
        await ApplyOnceAsync(TargetsSeedName, AddTargetsAsync, cancellationToken);
        await ApplyOnceAsync(AwarenessSeedName, AddMissingCatalogueAsync, cancellationToken);
        await ApplyOnceAsync(DossierKpisSeedName, AddMissingFrameworksAsync, cancellationToken);
        await ApplyOnceAsync(OfficialsTrainedShareSeedName, AddMissingNodesAsync, cancellationToken);
        if (includeDemo)
        {
            await ApplyOnceAsync(DemoSeedName, AddDemoAsync, cancellationToken);
        }

        if (thenInTurn is not null)
        {
            await thenInTurn(cancellationToken);
        }
    }

    /// <summary>Removes every demo value and records that the demo was removed, so that it is not seeded again.</summary>
    /// <returns>The number of values removed.</returns>
    public async Task<int> RemoveDemoAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Runs computed from demo values go with them (their scores and inputs cascade).
        await db.IndexRuns.Where(r => r.IsDemo).ExecuteDeleteAsync(cancellationToken);
        var removed = await db.DataValues.Where(v => v.IsDemo).ExecuteDeleteAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var record = await db.SeedRecords.FindAsync([DemoSeedName], cancellationToken);
        if (record is null)
        {
            db.SeedRecords.Add(new SeedRecord { Name = DemoSeedName, AppliedAtUtc = now, RemovedAtUtc = now });
        }
        else
        {
            record.RemovedAtUtc = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogDemoRemoved(_logger, removed);
        return removed;
    }

    /// <summary>Applies pending migrations only.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            LogMigrating(_logger, pending.Count, pending);
        }

        await db.Database.MigrateAsync(cancellationToken);
    }

    private async Task ApplyOnceAsync(string name, Func<CancellationToken, Task> add, CancellationToken cancellationToken)
    {
        if (await db.SeedRecords.AnyAsync(s => s.Name == name, cancellationToken))
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await add(cancellationToken);
        db.SeedRecords.Add(new SeedRecord { Name = name, AppliedAtUtc = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        LogSeedApplied(_logger, name);
    }

    private Task AddGeographyAsync(CancellationToken cancellationToken)
    {
        var seed = GeographySeed.Read();
        db.Units.Add(seed.Nation);
        db.Units.AddRange(seed.Provinces63);
        db.Units.AddRange(seed.Provinces34);
        db.Successions.AddRange(seed.Successions);
        return Task.CompletedTask;
    }

    private Task AddFrameworksAsync(CancellationToken cancellationToken)
    {
        var seed = SeedFrameworks.Load();
        db.Measures.AddRange(seed.CreateMeasures());
        db.Frameworks.AddRange(seed.CreateFrameworks());
        return Task.CompletedTask;
    }

    private async Task AddDataSetsAsync(CancellationToken cancellationToken)
    {
        // Stores seeded before validation rules existed get them now; new stores have them from the frameworks seed.
        var seed = SeedFrameworks.Load();
        var versions = await db.FrameworkVersions.Include(v => v.Framework).Include(v => v.Rules).ToListAsync(cancellationToken);
        foreach (var version in versions.Where(v => v.Rules.Count == 0))
        {
            var definition = seed.Frameworks.Where(f => f.Definition.Code == version.Framework!.Code)
                .SelectMany(f => f.Versions).FirstOrDefault(v => v.Definition.Version == version.Version)?.Definition;
            version.Rules.AddRange((definition?.Rules ?? []).Select(r => new ValidationRule
            {
                Code = r.Code,
                Expression = r.Rule,
                Message = r.Message,
                MessageEn = r.MessageEn,
            }));
        }

        AddDataSets(SeedDataSets.Read(), await db.Frameworks.ToDictionaryAsync(f => f.Code, f => f.Id, cancellationToken), await db.Measures.ToDictionaryAsync(m => m.Code.Value, m => m.Id, cancellationToken));
    }

    private async Task AddMissingCatalogueAsync(CancellationToken cancellationToken)
    {
        var known = await db.Measures.Select(m => m.Code).ToListAsync(cancellationToken);
        var added = SeedFrameworks.Load().CreateMeasures().Where(m => !known.Contains(m.Code)).ToList();
        db.Measures.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        var sets = await db.DataSets.Select(d => d.Code).ToListAsync(cancellationToken);
        AddDataSets(
            [.. SeedDataSets.Read().Where(d => !sets.Contains(d.Code))],
            await db.Frameworks.ToDictionaryAsync(f => f.Code, f => f.Id, cancellationToken),
            await db.Measures.ToDictionaryAsync(m => m.Code.Value, m => m.Id, cancellationToken));
    }

    private async Task AddMissingFrameworksAsync(CancellationToken cancellationToken)
    {
        await AddMissingCatalogueAsync(cancellationToken);
        var known = await db.Frameworks.Select(f => f.Code).ToListAsync(cancellationToken);
        db.Frameworks.AddRange(SeedFrameworks.Load().CreateFrameworks().Where(f => !known.Contains(f.Code)));
    }

    private async Task AddMissingNodesAsync(CancellationToken cancellationToken)
    {
        foreach (var seeded in SeedFrameworks.Load().CreateFrameworks())
        {
            var stored = await db.Frameworks.Include(f => f.Versions).ThenInclude(v => v.Nodes)
                .SingleOrDefaultAsync(f => f.Code == seeded.Code, cancellationToken);
            foreach (var version in seeded.Versions)
            {
                if (stored?.Versions.SingleOrDefault(v => v.Version == version.Version) is not { } target)
                {
                    continue;
                }

                var byCode = target.Nodes.ToDictionary(n => n.Code);
                // Seeded nodes come parent first, so a new node's parent is found even when it is new too.
                foreach (var node in version.Nodes.Where(n => !byCode.ContainsKey(n.Code)))
                {
                    var added = new FrameworkNode
                    {
                        Code = node.Code,
                        Kind = node.Kind,
                        Name = node.Name,
                        NameEn = node.NameEn,
                        Parent = node.Parent is null ? null : byCode[node.Parent.Code],
                        Position = node.Position,
                        Weight = node.Weight,
                        Expression = node.Expression,
                        Direction = node.Direction,
                        UnitOfMeasure = node.UnitOfMeasure,
                        GoalpostLow = node.GoalpostLow,
                        GoalpostHigh = node.GoalpostHigh,
                        Description = node.Description,
                        DescriptionEn = node.DescriptionEn,
                    };
                    target.Nodes.Add(added);
                    byCode[added.Code] = added;
                }
            }
        }
    }

    private void AddDataSets(IReadOnlyList<SeedDataSets.DataSetEntry> entries, Dictionary<string, int> frameworks, Dictionary<string, int> measures)
    {
        foreach (var entry in entries)
        {
            var dataSet = new DataSet
            {
                Code = entry.Code,
                Name = entry.Name,
                NameEn = entry.NameEn,
                FrameworkId = frameworks[entry.Framework],
                PeriodType = entry.PeriodType,
                ReportingLevel = entry.ReportingLevel,
                DefaultDeadlineDays = entry.DefaultDeadlineDays,
            };
            dataSet.Measures.AddRange(entry.Measures.Select((m, order) => new DataSetMeasure
            {
                MeasureId = measures[m.Code],
                Order = order,
                IsRequired = m.Required,
                Minimum = m.Minimum,
                Maximum = m.Maximum,
                WholeNumber = m.WholeNumber,
            }));
            db.DataSets.Add(dataSet);
        }
    }

    private async Task AddTargetsAsync(CancellationToken cancellationToken)
    {
        var nation = await db.Units.AsNoTracking().Where(u => u.Level == UnitLevel.Nation).Select(u => u.Id).FirstAsync(cancellationToken);
        var versions = db.FrameworkVersions.Where(v => v.Framework!.Code == TargetsSeed.Framework).Select(v => v.Id);
        var indicators = await db.FrameworkNodes.AsNoTracking()
            .Where(n => n.Kind == FrameworkNodeKind.Indicator && versions.Contains(n.FrameworkVersionId))
            .Select(n => n.Code)
            .ToListAsync(cancellationToken);
        db.PolicyDocuments.Add(TargetsSeed.Read(nation, indicators.Select(c => c.Value).ToHashSet(StringComparer.Ordinal), time.GetUtcNow().UtcDateTime));
    }

    private async Task AddDemoAsync(CancellationToken cancellationToken)
    {
        var provinces = await db.Units.AsNoTracking().Where(u => u.Level == UnitLevel.Province).ToListAsync(cancellationToken);
        var links = await db.Successions.AsNoTracking()
            .Select(s => new SuccessionLink(s.Predecessor!.Code, s.Successor!.Code, s.Share))
            .ToListAsync(cancellationToken);
        var measures = await db.Measures.AsNoTracking().ToListAsync(cancellationToken);
        var values = DemoData.Generate(
            DemoProfile.Read(),
            measures,
            provinces.Where(u => u.ValidTo == GeographySeed.MergerDate.AddDays(-1)).ToList(),
            provinces.Where(u => u.ValidFrom == GeographySeed.MergerDate).ToList(),
            links,
            time.GetUtcNow().UtcDateTime);
        db.DataValues.AddRange(values);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migrations: {Migrations}")]
    private static partial void LogMigrating(ILogger logger, int count, IReadOnlyList<string> migrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data removed: {Count} values")]
    private static partial void LogDemoRemoved(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed {Seed} applied")]
    private static partial void LogSeedApplied(ILogger logger, string seed);
}
