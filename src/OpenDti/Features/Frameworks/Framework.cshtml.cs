using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenDti.Features.Frameworks;

/// <summary>One framework version as a tree, with its measures.</summary>
public sealed class FrameworkModel(FrameworkQueries frameworks) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? Version { get; set; }

    public FrameworkTree? Tree { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Tree = await frameworks.GetAsync(Code, Version, cancellationToken);
        return Tree is null ? NotFound() : Page();
    }

    /// <summary>The tree in reading order, each node with its depth (0 for a pillar).</summary>
    public IEnumerable<(FrameworkNodeTree Node, int Depth)> Flatten() => Walk(Tree?.Pillars ?? [], 0);

    private static IEnumerable<(FrameworkNodeTree Node, int Depth)> Walk(IEnumerable<FrameworkNodeTree> nodes, int depth) =>
        nodes.SelectMany(n => Walk(n.Children, depth + 1).Prepend((n, depth)));
}
