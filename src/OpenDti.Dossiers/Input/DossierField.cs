namespace OpenDti.Dossiers.Input;

/// <summary>The columns a dossier export must have, whatever their order or names (see <see cref="DossierHeader"/>).</summary>
public enum DossierField
{
    DossierId,
    ProcedureCode,
    UnitCode,
    Channel,
    ReceivedAt,
    DueAt,
    FinishedAt,
    Status,
}
