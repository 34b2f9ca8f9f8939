using System.CommandLine;
using OpenDti.Store;

namespace OpenDti.Cli;

/// <summary><c>db migrate [--db …]</c> and <c>demo remove [--db …]</c>: administering the store.</summary>
internal static class StoreCommands
{
    public static Command CreateDb()
    {
        var db = StoreOption.Create();
        var migrate = new Command("migrate", "Tạo hoặc cập nhật kho dữ liệu và nạp dữ liệu quốc gia / create or upgrade the store and apply the national seed") { db };
        migrate.SetAction(async (parse, cancellationToken) =>
        {
            var connectionString = StoreOption.Resolve(parse.GetValue(db));
            await using var context = await StoreOption.OpenAsync(connectionString, cancellationToken);
            Console.Out.WriteLine($"Kho dữ liệu đã cập nhật / store up to date: {StoreConnection.Describe(connectionString)}");
            return 0;
        });
        return new Command("db", "Kho dữ liệu / the store") { migrate };
    }

    public static Command CreateDemo()
    {
        var db = StoreOption.Create();
        var remove = new Command("remove", "Xóa toàn bộ dữ liệu minh họa (không nạp lại) / remove all demo data (it is not seeded again)") { db };
        remove.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await StoreOption.OpenAsync(parse.GetValue(db), cancellationToken);
            var removed = await new StoreInitializer(context, TimeProvider.System).RemoveDemoAsync(cancellationToken);
            Console.Out.WriteLine($"Đã xóa {removed} giá trị minh họa / removed {removed} demo values");
            return 0;
        });
        return new Command("demo", "Dữ liệu minh họa / demo data") { remove };
    }
}
