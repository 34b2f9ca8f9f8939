using Microsoft.Playwright;

namespace OpenDti.Browser.Tests;

/// <summary>
/// One test, one browser context with tracing on. Whatever the outcome, the final page is saved as
/// artifacts/browser/&lt;Class&gt;.&lt;Test&gt;.png and the trace as .zip (open it with the Playwright trace viewer).
/// </summary>
public abstract class BrowserTest(BrowserApp app) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _otherContexts = [];
    private IBrowserContext? _context;

    /// <summary>A small phone's screen in CSS pixels (360 × 740).</summary>
    protected static ViewportSize Phone => new() { Width = 360, Height = 740 };

    protected IPage Page { get; private set; } = null!;

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            Locale = "vi-VN",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        await _context.Tracing.StartAsync(new TracingStartOptions
        {
            Title = ArtifactName,
            Screenshots = true,
            Snapshots = true,
        });
        Page = await _context.NewPageAsync();
    }

    /// <summary>
    /// A page in a browser context of its own (a second person at another computer: separate cookies), on
    /// <paramref name="baseAddress"/>, on a desktop screen or the <paramref name="screen"/> given (a phone:
    /// <see cref="Phone"/>); closed with the test.
    /// </summary>
    protected async Task<IPage> NewPersonAsync(Uri baseAddress, ViewportSize? screen = null)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = "vi-VN",
            ViewportSize = screen ?? new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = screen is not null,
            HasTouch = screen is not null,
        });
        _otherContexts.Add(context);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var other in _otherContexts)
        {
            await other.DisposeAsync();
        }

        if (_context is null)
        {
            return;
        }

        var basePath = Path.Combine(BrowserApp.ArtifactsDirectory, ArtifactName);
        try
        {
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = basePath + ".png", FullPage = true });
        }
        finally
        {
            await _context.Tracing.StopAsync(new TracingStopOptions { Path = basePath + ".zip" });
            await _context.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private static string ArtifactName
    {
        get
        {
            var test = TestContext.Current.TestMethod;
            var name = test is null ? "unknown" : $"{test.TestClass.TestClassSimpleName}.{test.MethodName}";
            return string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_'));
        }
    }
}
