namespace OpenDti.Dossiers.Input;

/// <summary>One valid row of a dossier export, its text fields still in the file's bytes (UTF-8, trimmed).</summary>
internal ref struct DossierRow
{
    public const long Open = -1;

    /// <summary>The whole record as written (for a check made after parsing that rejects the row).</summary>
    public ReadOnlySpan<byte> Raw;

    public ReadOnlySpan<byte> Id;
    public ReadOnlySpan<byte> Procedure;
    public ReadOnlySpan<byte> Unit;
    public ReadOnlySpan<byte> Status;
    public Channel Channel;

    /// <summary>Local times in seconds (<see cref="LocalTime"/>); <see cref="FinishedAt"/> is <see cref="Open"/> while not finished.</summary>
    public long ReceivedAt;
    public long DueAt;
    public long FinishedAt;

    public readonly bool IsFinished => FinishedAt != Open;
}
