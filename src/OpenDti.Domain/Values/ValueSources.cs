namespace OpenDti.Domain.Values;

/// <summary>The channels a value can come through (<see cref="DataValue.Source"/>, <see cref="ValueAudit"/>).</summary>
public static class ValueSources
{
    /// <summary>Typed into the web form.</summary>
    public const string Form = "form";

    /// <summary>From an uploaded XLSX or CSV template.</summary>
    public const string Upload = "upload";

    /// <summary>Pushed through the API (bearer token or API key).</summary>
    public const string Api = "api";

    /// <summary>Computed from operational data (dossier exports).</summary>
    public const string Ingestion = "ingestion";

    /// <summary>Counted from events and training.</summary>
    public const string Events = "events";

    /// <summary>A reviewer's act (reopening, approving).</summary>
    public const string Review = "review";

    /// <summary>The command line.</summary>
    public const string Cli = "cli";

    /// <summary>Generated demonstration data.</summary>
    public const string Demo = "demo";
}
