namespace OpenDti.Web.Tests.Features.DataEntry;

/// <summary>Fresh codes and user names, so that tests sharing one app never see each other's units and accounts.</summary>
internal static class TestNames
{
    public static string Unit() => "T" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    public static string User(string role) => role.Replace("-", string.Empty, StringComparison.Ordinal) + "." + Guid.NewGuid().ToString("N")[..10];
}
