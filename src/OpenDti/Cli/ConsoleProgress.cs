namespace OpenDti.Cli;

/// <summary>
/// Progress of a long command on stderr, twice a second: rewritten in place on a terminal, a line every three
/// seconds when stderr goes to a file; always a last line when disposed. What it says comes from
/// <c>describe</c>, called with <c>true</c> for the last line.
/// </summary>
internal sealed class ConsoleProgress : IDisposable
{
    private readonly Func<bool, string> _describe;
    private readonly bool _redirected = Console.IsErrorRedirected;
    private readonly Timer _timer;
    private int _ticks;

    public ConsoleProgress(Func<bool, string> describe)
    {
        _describe = describe;
        _timer = new Timer(_ => Print(final: false), null, 500, 500);
    }

    public void Dispose()
    {
        _timer.Dispose();
        Print(final: true);
    }

    private void Print(bool final)
    {
        if (_redirected && !final && Interlocked.Increment(ref _ticks) % 6 != 0)
        {
            return;
        }

        var text = _describe(final);
        Console.Error.Write(_redirected ? text + Environment.NewLine : "\r" + text + (final ? Environment.NewLine : ""));
    }
}
