namespace OpenDti.Features.DataEntry;

/// <summary>Registers what the data-entry pages use beyond the write path (<see cref="DataValuesApi.AddDataEntry"/>).</summary>
internal static class DataEntryPages
{
    public static IServiceCollection AddDataEntryPages(this IServiceCollection services) =>
        services.AddScoped<EvidenceFiles>().AddScoped<EntryForms>().AddScoped<MyWork>();
}
