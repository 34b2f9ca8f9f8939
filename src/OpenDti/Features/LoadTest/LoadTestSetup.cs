using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Collection;
using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Values;
using OpenDti.Features.Accounts;
using OpenDti.Features.Geography;
using OpenDti.Store;
using OpenDti.Web;

namespace OpenDti.Features.LoadTest;

/// <summary>
/// Prepares a throw-away store for the deadline-burst load test (bench/load/run.sh): communes named
/// "Xã thử tải 0001…" spread over the provinces in force, a data set of that many measures for communes,
/// one data-entry account per province and one API key per commune, scoped to that commune only. Everything
/// goes through the operations people use (the unit import, accounts, key issuing); only the data set and its
/// measures, which have no such operation yet, are written directly. Refuses a store that holds any value
/// that is not demo data, so that it is never run on a store in use.
/// </summary>
public sealed class LoadTestSetup(OpenDtiDbContext db, IServiceProvider services, TimeProvider time)
{
    public const string FrameworkCode = "LOAD_TEST";

    public const string DataSetCode = "LOAD_TEST_COMMUNE";

    public const string MeasurePrefix = "LOAD_TEST_";

    public const string CommunePrefix = "LT";

    public const int MaxCommunes = 9_999;

    public const int MaxMeasures = 999;

    /// <summary>The code of load-test commune <paramref name="number"/> (1-based): LT0001.</summary>
    public static string CommuneCode(int number) => string.Create(CultureInfo.InvariantCulture, $"{CommunePrefix}{number:D4}");

    /// <summary>The code of load-test measure <paramref name="number"/> (1-based): LOAD_TEST_001.</summary>
    public static string MeasureCode(int number) => string.Create(CultureInfo.InvariantCulture, $"{MeasurePrefix}{number:D3}");

    /// <summary>Creates everything and returns each commune's code with its key text, or the reason it refuses.</summary>
    public async Task<(string? Refusal, IReadOnlyList<(string Unit, string Key)> Keys)> PrepareAsync(int communes, int measures, Period period, CancellationToken cancellationToken)
    {
        if (communes is < 1 or > MaxCommunes || measures is < 1 or > MaxMeasures)
        {
            return ($"--communes 1–{MaxCommunes}, --measures 1–{MaxMeasures}; nhận được / found {communes}, {measures}.", []);
        }

        if (period.Type != PeriodType.Year || period.Start > time.Today())
        {
            return ($"--period: cần một năm đã bắt đầu / expected a year that has started; nhận được / found {period}.", []);
        }

        var realValues = await db.DataValues.CountAsync(v => !v.IsDemo, cancellationToken);
        if (realValues > 0)
        {
            return ($"Kho này có {realValues} giá trị không phải dữ liệu minh họa: chỉ chuẩn bị thử tải trên kho dùng một lần / this store holds {realValues} values that are not demo data: prepare load tests on a throw-away store only.", []);
        }

        if (await db.DataSets.AnyAsync(d => d.Code == DataSetCode, cancellationToken))
        {
            return ($"Kho này đã được chuẩn bị thử tải / this store is already prepared ({DataSetCode} exists).", []);
        }

        var provinces = await db.Units.AsNoTracking()
            .Where(u => u.Level == UnitLevel.Province && u.ValidTo == null)
            .OrderBy(u => u.Code).ToListAsync(cancellationToken);
        var firstDay = new[] { period.Start, provinces.Max(p => p.ValidFrom) ?? period.Start }.Max();
        var imported = await ImportCommunesAsync(communes, provinces, firstDay, cancellationToken);
        if (imported is not null)
        {
            return (imported, []);
        }

        await AddDataSetAsync(measures, cancellationToken);
        var keys = new List<(string, string)>(communes);
        for (var p = 0; p < provinces.Count && p < communes; p++)
        {
            var (refusal, issued) = await IssueKeysAsync(provinces[p], [.. Enumerable.Range(1, communes).Where(n => (n - 1) % provinces.Count == p)], cancellationToken);
            if (refusal is not null)
            {
                return (refusal, []);
            }

            keys.AddRange(issued);
        }

        return (null, [.. keys.OrderBy(k => k.Item1, StringComparer.Ordinal)]);
    }

    private async Task<string?> ImportCommunesAsync(int communes, List<ReportingUnit> provinces, DateOnly firstDay, CancellationToken cancellationToken)
    {
        var csv = new StringBuilder("code,name,level,parent_code,valid_from,name_en\n");
        for (var n = 1; n <= communes; n++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{CommuneCode(n)},Xã thử tải {n:D4},commune,{provinces[(n - 1) % provinces.Count].Code},{firstDay.ToIso()},Load-test commune {n:D4}\n");
        }

        await using var scope = services.CreateAsyncScope();
        var import = ActivatorUtilities.CreateInstance<UnitImport>(scope.ServiceProvider);
        var result = await import.ImportAsync(Encoding.UTF8.GetBytes(csv.ToString()), "load-test-communes.csv", actor: null, Recorder(), cancellationToken);
        return result.Succeeded ? null : string.Join(Environment.NewLine, result.Problems.Select(UnitImportResult.Describe));
    }

    private async Task AddDataSetAsync(int measures, CancellationToken cancellationToken)
    {
        var framework = new Framework
        {
            Code = FrameworkCode,
            Name = "Thử tải — không phải số liệu thật",
            NameEn = "Load test — not real data",
            Description = "Tạo bởi lệnh loadtest prepare trên một kho dùng một lần.",
            DescriptionEn = "Created by the loadtest prepare command on a throw-away store.",
        };
        db.Frameworks.Add(framework);
        var rows = Enumerable.Range(1, measures).Select(n => new Measure
        {
            Code = new Domain.Frameworks.MeasureCode(MeasureCode(n)),
            Name = string.Create(CultureInfo.InvariantCulture, $"Chỉ tiêu thử tải {n:D3}"),
            NameEn = string.Create(CultureInfo.InvariantCulture, $"Load-test measure {n:D3}"),
            UnitOfMeasure = "giá trị",
            Aggregation = MeasureAggregation.Sum,
        }).ToList();
        db.Measures.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);

        var dataSet = new DataSet
        {
            Code = DataSetCode,
            Name = "Thử tải — xã (không phải số liệu thật)",
            NameEn = "Load test — communes (not real data)",
            FrameworkId = framework.Id,
            PeriodType = PeriodType.Year,
            ReportingLevel = UnitLevel.Commune,
            DefaultDeadlineDays = 60,
        };
        dataSet.Measures.AddRange(rows.Select((m, i) => new DataSetMeasure { MeasureId = m.Id, Order = i, IsRequired = true, Minimum = 0, WholeNumber = true }));
        db.DataSets.Add(dataSet);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <remarks>One scope per province, so that the change tracker holds one province's keys, not the nation's.</remarks>
    private async Task<(string? Refusal, List<(string, string)> Keys)> IssueKeysAsync(ReportingUnit province, IReadOnlyList<int> communes, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var userName = $"thu-tai-{province.Code}";

        // Nobody signs in with this password: it exists because every account has one; the keys are what the test uses.
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)) + "aA1!";
        var problems = await accounts.AddAsync(userName, password, Role.DataEntry, province.Code.Value, cancellationToken);
        if (problems.Count > 0)
        {
            return (string.Join(Environment.NewLine, problems), []);
        }

        var store = scope.ServiceProvider.GetRequiredService<OpenDtiDbContext>();
        var user = await store.Users.AsNoTracking().Include(u => u.Roles).SingleAsync(u => u.UserName == userName, cancellationToken);
        var actor = new SignedIn(user, null, remoteAddress: null);
        var issuer = scope.ServiceProvider.GetRequiredService<ApiKeyIssuer>();
        var keys = new List<(string, string)>(communes.Count);
        foreach (var number in communes)
        {
            var code = CommuneCode(number);
            var (result, key) = await issuer.CreateAsync(actor, new KeyRequest($"Thử tải {code}", Role.DataEntry, [code], Days: 7), ValueSources.Cli, cancellationToken);
            if (!result.Succeeded)
            {
                return ($"{code}: {string.Join("; ", result.Messages)}", []);
            }

            keys.Add((code, key!.KeyText));
        }

        return (null, keys);
    }

    private static Actor Recorder() => new() { Name = "loadtest prepare", Channel = ValueSources.Cli };
}
