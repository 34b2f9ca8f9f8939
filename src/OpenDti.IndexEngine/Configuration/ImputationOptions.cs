namespace OpenDti.IndexEngine.Configuration;

/// <summary>Imputation of missing indicator values, indicator by indicator.</summary>
public sealed record ImputationOptions
{
    /// <summary>The method; <see cref="ImputationMethod.None"/> by default.</summary>
    public ImputationMethod Method { get; init; } = ImputationMethod.None;

    /// <summary>The group column (e.g. <c>Group_Region</c>) for <see cref="ImputationMethod.GroupMean"/>.</summary>
    public string? Group { get; init; }
}
