using OpenDti.Domain.Values;

namespace OpenDti.Features.DataEntry;

/// <summary>The addresses of the data-entry pages, built in one place.</summary>
public static class EntryPaths
{
    /// <summary>"My work".</summary>
    public const string MyWork = "/data";

    /// <summary>The review area (built by the review feature).</summary>
    public const string Review = "/data/review";

    /// <summary>The form of one (data set, period, unit).</summary>
    public static string Form(string dataSetCode, Period period, string unitCode) =>
        $"/data/{Uri.EscapeDataString(dataSetCode)}/{period}/{Uri.EscapeDataString(unitCode)}";

    /// <summary>The download of one evidence file.</summary>
    public static string Evidence(long id) => $"/data/evidence/{id}";
}
