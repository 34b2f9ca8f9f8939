using System.CommandLine;
using OpenDti.Web;

namespace OpenDti.Cli;

/// <summary><c>serve [--urls URL] [--db CONNECTION] [--no-demo]</c>: runs the web application.</summary>
internal static class ServeCommand
{
    public const string DefaultUrls = "http://localhost:5080";

    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = $"Địa chỉ lắng nghe / listen address (mặc định {DefaultUrls})" };
        var db = StoreOption.Create();
        var noDemo = new Option<bool>("--no-demo") { Description = "Không nạp dữ liệu minh họa / start without demo data" };
        var command = new Command("serve", "Chạy ứng dụng web / run the web application") { urls, db, noDemo };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            // Flags are the last word in configuration (STYLE §7): pass them on as host settings.
            var hostArgs = new List<string>(parse.UnmatchedTokens);
            if (parse.GetValue(urls) is { } givenUrls)
            {
                hostArgs.Add($"--urls={givenUrls}");
            }

            if (parse.GetValue(db) is { } givenDb)
            {
                hostArgs.Add($"--{StoreOptions.Section}:{nameof(StoreOptions.ConnectionString)}={givenDb}");
            }

            if (parse.GetValue(noDemo))
            {
                hostArgs.Add($"--{StoreOptions.Section}:{nameof(StoreOptions.Demo)}=false");
            }

            var app = WebApp.Build([.. hostArgs]);
            await app.RunAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
