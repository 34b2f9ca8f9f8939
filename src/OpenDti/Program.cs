using OpenDti.Cli;

// One executable: no verb (or `serve`) runs the web application; other verbs are tools over the same code.
return await CommandLine.Create().Parse(args).InvokeAsync();

/// <summary>The entry point; public so that tests can host the app with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
