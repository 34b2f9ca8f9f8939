namespace OpenDti.Domain.Frameworks;

/// <summary>One version of a framework: the tree in force for data of <see cref="FirstYear"/> to <see cref="LastYear"/>.</summary>
public sealed class FrameworkVersion
{
    /// <summary>The store's identity.</summary>
    public int Id { get; set; }

    /// <summary>The framework's identity.</summary>
    public int FrameworkId { get; set; }

    /// <summary>The framework, when loaded.</summary>
    public Framework? Framework { get; set; }

    /// <summary>The version label, e.g. "2022".</summary>
    public required string Version { get; init; }

    /// <summary>The first data year the version applies to.</summary>
    public required int FirstYear { get; init; }

    /// <summary>The last data year it applies to; null while in force.</summary>
    public int? LastYear { get; set; }

    /// <summary>The act that issued it, e.g. "Quyết định 922/QĐ-BTTTT ngày 20/5/2022".</summary>
    public string? LegalBasis { get; init; }

    /// <summary>In Vietnamese: what this version contains and what of it is not yet known (e.g. official points).</summary>
    public string? Description { get; init; }

    /// <summary>The same as <see cref="Description"/>, in English.</summary>
    public string? DescriptionEn { get; init; }

    /// <summary>The nodes of the tree, when loaded (flat; <see cref="FrameworkNode.ParentId"/> links them).</summary>
    public List<FrameworkNode> Nodes { get; } = [];

    /// <summary>The validation rules across measures.</summary>
    public List<ValidationRule> Rules { get; } = [];
}
