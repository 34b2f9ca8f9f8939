using System.CommandLine;
using System.Globalization;
using OpenDti.Cli;
using OpenDti.Domain.Geography;
using OpenDti.Web;

namespace OpenDti.Features.Geography;

/// <summary><c>units list [--level L] [--on DATE] [--db …]</c>.</summary>
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
        return new Command("units", "Đơn vị hành chính / reporting units") { list };
    }
}
