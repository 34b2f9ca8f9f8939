using System.CommandLine;
using System.Globalization;
using OpenDti.Cli;
using OpenDti.Domain.Geography;
using OpenDti.Web;

namespace OpenDti.Features.Geography;

/// <summary><c>units list [--level L] [--on DATE] [--db …]</c> and <c>units import --file FILE.csv [--db …]</c>.</summary>
internal static class UnitsCommands
{
    public static Command Create()
    {
        var level = new Option<string?>("--level") { Description = $"Cấp / level: {string.Join(", ", UnitLevels.Names)}" };
        var on = new Option<string?>("--on") { Description = "Ngày hiệu lực / valid on (yyyy-MM-dd), mặc định hôm nay / default today" };
        var db = StoreOption.Create();
        var list = new Command("list", "Liệt kê đơn vị hành chính theo ngày / list units valid on a date") { level, on, db };
        list.SetAction(async (parse, cancellationToken) =>
        {
            UnitLevel? wanted = null;
            if (parse.GetValue(level) is { } levelText)
            {
                if (!UnitLevels.TryParse(levelText, out var parsed))
                {
                    return CliOutput.Fail($"--level: cần một trong / expected one of {string.Join(", ", UnitLevels.Names)}; nhận được / found '{levelText}'.");
                }

                wanted = parsed;
            }

            var date = TimeProvider.System.Today();
            if (parse.GetValue(on) is { } onText && !QueryDate.TryParse(onText, out date))
            {
                return CliOutput.Fail($"--on: cần ngày dạng / expected a date as {QueryDate.Format}; nhận được / found '{onText}'.");
            }

            await using var context = await StoreOption.OpenAsync(parse.GetValue(db), cancellationToken);
            var units = await new UnitQueries(context).ListAsync(wanted, date, cancellationToken);
            foreach (var unit in units)
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{unit.Code,-6} {unit.Level,-12} {unit.Name}"));
            }

            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{units.Count} đơn vị / units on {date.ToIso()}"));
            return 0;
        });
        return new Command("units", "Đơn vị hành chính / reporting units") { list, CreateImport() };
    }

    private static Command CreateImport()
    {
        var file = new Option<FileInfo>("--file") { Description = "Tệp CSV UTF-8: code,name,level,parent_code,valid_from[,name_en] / a UTF-8 CSV file", Required = true };
        var db = StoreOption.Create();
        var import = new Command("import", "Nạp xã, phường, tổ chức từ CSV, tất cả hoặc không gì / import communes and organisations from CSV, all or nothing") { file, db };
        import.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetRequiredValue(file);
            if (!path.Exists)
            {
                return CliOutput.Fail($"--file: không có tệp / no such file '{path.Name}'.");
            }

            if (path.Length > UnitImport.MaxBytes)
            {
                return CliOutput.Fail($"--file: tệp tối đa {UnitImport.MaxBytes / 1024 / 1024} MB / a file of {UnitImport.MaxBytes / 1024 / 1024} MB at most; found {path.Length} bytes.");
            }

            await using var context = await StoreOption.OpenAsync(parse.GetValue(db), cancellationToken);
            var import = new UnitImport(context, new Accounts.UnitHierarchy(context), new Accounts.AccountHistory(context, TimeProvider.System));
            var recordedAs = new Domain.Accounts.Actor { Name = Environment.UserName, Channel = Domain.Values.ValueSources.Cli };
            var result = await import.ImportAsync(await File.ReadAllBytesAsync(path.FullName, cancellationToken), path.Name, actor: null, recordedAs, cancellationToken);
            if (!result.Succeeded)
            {
                return CliOutput.Fail(string.Join(Environment.NewLine, result.Problems.Select(UnitImportResult.Describe).Append(
                    string.Create(CultureInfo.InvariantCulture, $"{result.Problems.Count} lỗi, không đơn vị nào được thêm / {result.Problems.Count} problem(s); no unit was added."))));
            }

            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Đã thêm / added {result.Imported} đơn vị / units from {path.Name}"));
            return 0;
        });
        return import;
    }
}
