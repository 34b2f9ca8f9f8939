using System.Globalization;
using OpenDti.Cli;

namespace OpenDti.Web.Tests.Cli;

/// <summary>
/// Tests that swap <see cref="Console.Out"/> and <see cref="Console.Error"/>: they run alone, after the
/// parallel tests, so that no app's console log lands in what they capture.
/// </summary>
[CollectionDefinition(nameof(ConsoleCapture), DisableParallelization = true)]
public sealed class ConsoleCapture;

/// <summary>What one run of the executable's verbs printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public IReadOnlyList<string> OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Runs the verbs in-process as <c>opendti ARGS</c> would, capturing stdout and stderr.</summary>
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        var (oldOut, oldError) = (Console.Out, Console.Error);
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exitCode = await CommandLine.Create().Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
            return new CliResult(exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }
}
