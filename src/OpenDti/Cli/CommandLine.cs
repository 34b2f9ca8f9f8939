using System.CommandLine;
using OpenDti.Features.Accounts;
using OpenDti.Features.Geography;

namespace OpenDti.Cli;

/// <summary>The verbs of the executable. Each verb parses, calls an operation and prints; nothing else.</summary>
internal static class CommandLine
{
    public static RootCommand Create()
    {
        var serve = ServeCommand.Create();
        var root = new RootCommand("OpenDTI — chuyển đổi số: kế hoạch, số liệu, chỉ số DTI / digital transformation: plans, data, DTI index")
        {
            serve,
            StoreCommands.CreateDb(),
            UnitsCommands.Create(),
            UsersCommands.Create(),
            StoreCommands.CreateDemo(),
            IndexCommand(),
            DossiersCommand.Create(),
            Features.LoadTest.LoadTestCommands.Create(),
        };

        // With no verb, OpenDTI serves: the same options and action as `serve`.
        foreach (var option in serve.Options)
        {
            root.Options.Add(option);
        }

        root.TreatUnmatchedTokensAsErrors = false;
        root.Action = serve.Action;
        return root;
    }

    // The engine on files (compute, sensitivity) and on the store (run).
    private static Command IndexCommand()
    {
        var index = Features.Index.IndexCommands.Create();
        index.Subcommands.Add(Features.Rankings.IndexRunCommand.Create());
        return index;
    }
}
