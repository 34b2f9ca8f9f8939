namespace OpenDti.Web.Tests;

/// <summary>The application seeded with the demo data set, as a first-time user starts it.</summary>
public sealed class OpenDtiAppWithDemo : OpenDtiApp
{
    public OpenDtiAppWithDemo()
        : base(new DateOnly(2026, 3, 15), withDemo: true)
    {
    }
}
