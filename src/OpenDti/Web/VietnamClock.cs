namespace OpenDti.Web;

/// <summary>Calendar dates as Vietnam sees them (UTC+7, no daylight saving).</summary>
internal static class VietnamClock
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateOnly Today(this TimeProvider time) =>
        DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Offset).DateTime);
}
