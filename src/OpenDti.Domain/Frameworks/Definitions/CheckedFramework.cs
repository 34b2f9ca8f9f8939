namespace OpenDti.Domain.Frameworks.Definitions;

/// <summary>A framework that <see cref="FrameworkChecker"/> found without problems: it can become entities.</summary>
public sealed class CheckedFramework
{
    internal CheckedFramework(FrameworkDefinition definition, IReadOnlyList<CheckedFrameworkVersion> versions)
    {
        Definition = definition;
        Versions = versions;
    }

    /// <summary>The definition as read.</summary>
    public FrameworkDefinition Definition { get; }

    /// <summary>The checked versions, in the order of the definition.</summary>
    public IReadOnlyList<CheckedFrameworkVersion> Versions { get; }

    /// <summary>
    /// The framework as new entities: its versions, each with a flat node list in document order (a parent
    /// before its children), linked by <see cref="FrameworkNode.Parent"/> and numbered by
    /// <see cref="FrameworkNode.Position"/> among siblings from 1. Ids are left for the store to assign.
    /// </summary>
    public Framework ToEntity()
    {
        var framework = new Framework
        {
            Code = Definition.Code,
            Name = Definition.Name,
            NameEn = Definition.NameEn,
            Description = Definition.Description,
            DescriptionEn = Definition.DescriptionEn,
        };
        foreach (var definition in Versions.Select(v => v.Definition))
        {
            var version = new FrameworkVersion
            {
                Framework = framework,
                Version = definition.Version,
                FirstYear = definition.FirstYear,
                LastYear = definition.LastYear,
                LegalBasis = definition.LegalBasis,
                Description = definition.Description,
                DescriptionEn = definition.DescriptionEn,
            };
            AddNodes(version, definition.Nodes, null);
            version.Rules.AddRange(definition.Rules.Select(r => new ValidationRule
            {
                Code = r.Code,
                Expression = r.Rule,
                Message = r.Message,
                MessageEn = r.MessageEn,
            }));
            framework.Versions.Add(version);
        }

        return framework;
    }

    private static void AddNodes(FrameworkVersion version, IReadOnlyList<FrameworkNodeDefinition> definitions, FrameworkNode? parent)
    {
        for (var i = 0; i < definitions.Count; i++)
        {
            var definition = definitions[i];
            var node = new FrameworkNode
            {
                Code = new MeasureCode(definition.Code),
                Kind = definition.Kind,
                Name = definition.Name,
                NameEn = definition.NameEn,
                Parent = parent,
                Position = i + 1,
                Weight = definition.Weight,
                Expression = definition.Expression?.Trim(),
                Direction = definition.Direction,
                UnitOfMeasure = definition.UnitOfMeasure,
                GoalpostLow = definition.GoalpostLow,
                GoalpostHigh = definition.GoalpostHigh,
                Description = definition.Description,
                DescriptionEn = definition.DescriptionEn,
            };
            version.Nodes.Add(node);
            AddNodes(version, definition.Children, node);
        }
    }
}
