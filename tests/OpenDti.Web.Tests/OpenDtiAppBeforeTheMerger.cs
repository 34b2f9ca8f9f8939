namespace OpenDti.Web.Tests;

/// <summary>The application with "today" pinned to 2025-06-15, before the provinces merged.</summary>
public sealed class OpenDtiAppBeforeTheMerger : OpenDtiApp
{
    public OpenDtiAppBeforeTheMerger()
        : base(new DateOnly(2025, 6, 15))
    {
    }
}
