using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Values;
using OpenDti.Store;
using OpenDti.Store.Model;

namespace OpenDti.Features.Rankings;

/// <summary>
/// With the demo data set, a first-time user also sees rankings: the provincial DTI (main-index level,
/// unknown weights counted equally) for every year of the demo data its version covers, with rank
/// intervals from 1,000 Monte Carlo replications; and, where the provinces changed between two years
/// (63 became 34 on 1 July 2025), the earlier year again on the later year's provinces, so that rank
/// changes compare like with like. Computed once; flagged demo like their inputs.
/// </summary>
internal static class DemoRankings
{
    public const string SeedName = "demo-rankings";
    public const string ComparableSeedName = "demo-rankings-comparable";
    public const string Framework = "DTI_PROVINCE";
    public const int UncertaintyRuns = 1000;
    public const ulong Seed = 20250701;

    public static async Task EnsureAsync(OpenDtiDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await db.DataValues.AnyAsync(v => v.IsDemo, cancellationToken))
        {
            return;
        }

        var years = (await db.DataValues.Where(v => v.IsDemo).Select(v => v.Period).Distinct().ToListAsync(cancellationToken))
            .Where(p => p.Type == PeriodType.Year)
            .Order()
            .ToList();
        var runner = new IndexRunner(db, time);
        if (!await db.SeedRecords.AnyAsync(s => s.Name == SeedName, cancellationToken))
        {
            foreach (var period in years)
            {
                // Years before the framework's first version are simply not ranked.
                await runner.RunAsync(
                    new IndexRunRequest { FrameworkCode = Framework, Period = period, UncertaintyRuns = UncertaintyRuns, Seed = Seed, CreatedBy = "seed" },
                    cancellationToken);
            }

            db.SeedRecords.Add(new SeedRecord { Name = SeedName, AppliedAtUtc = time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
        }

        if (!await db.SeedRecords.AnyAsync(s => s.Name == ComparableSeedName, cancellationToken))
        {
            foreach (var (previous, current) in years.Zip(years.Skip(1)))
            {
                var changed = await db.Successions.AnyAsync(
                    s => s.EffectiveDate > previous.End && s.EffectiveDate <= current.End && s.Successor!.Level == UnitLevel.Province,
                    cancellationToken);
                if (changed)
                {
                    await runner.RunAsync(
                        new IndexRunRequest { FrameworkCode = Framework, Period = previous, UnitsOn = current.End, CreatedBy = "seed" },
                        cancellationToken);
                }
            }

            db.SeedRecords.Add(new SeedRecord { Name = ComparableSeedName, AppliedAtUtc = time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
