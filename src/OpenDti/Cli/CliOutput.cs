namespace OpenDti.Cli;

/// <summary>How verbs report a refusal or bad input: one line on stderr and a non-zero exit code.</summary>
internal static class CliOutput
{
    /// <summary>The exit code for bad input or a refusal.</summary>
    public const int Refused = 2;

    public static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return Refused;
    }
}
