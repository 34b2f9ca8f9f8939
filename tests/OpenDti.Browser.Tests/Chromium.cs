namespace OpenDti.Browser.Tests;

/// <summary>The system Chromium the browser tests drive (Debian's package; Playwright's own download is never used).</summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>This machine has no network to speak of: no background traffic, no QUIC, no GPU.</summary>
    public static readonly string[] Arguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    public static bool IsInstalled => File.Exists(ExecutablePath);

    /// <summary>On CI a missing browser fails the run; on a laptop the tests are skipped with this message.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string MissingMessage => IsCi
        ? $"{ExecutablePath} is missing and CI=true: the CI machine must install it (apt-get install -y chromium)."
        : $"{ExecutablePath} is missing: ./test.sh installs it (apt-get install -y chromium).";
}

/// <summary>
/// A browser test: skipped when Chromium is missing on a developer's machine; with <c>CI=true</c> it runs
/// and fails on the missing browser instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute(
        [System.Runtime.CompilerServices.CallerFilePath] string? sourceFilePath = null,
        [System.Runtime.CompilerServices.CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (!Chromium.IsInstalled && !Chromium.IsCi)
        {
            Skip = Chromium.MissingMessage;
        }
    }
}

/// <summary>A browser test with data rows; skipped and failed as <see cref="BrowserFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute(
        [System.Runtime.CompilerServices.CallerFilePath] string? sourceFilePath = null,
        [System.Runtime.CompilerServices.CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (!Chromium.IsInstalled && !Chromium.IsCi)
        {
            Skip = Chromium.MissingMessage;
        }
    }
}
