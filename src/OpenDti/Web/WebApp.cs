using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.WebEncoders;
using OpenDti.Features.Accounts;
using OpenDti.Features.Audit;
using OpenDti.Features.Compare;
using OpenDti.Features.DataEntry;
using OpenDti.Features.DataEntry.Templates;
using OpenDti.Features.Dossiers;
using OpenDti.Features.Events;
using OpenDti.Features.Frameworks;
using OpenDti.Features.Geography;
using OpenDti.Features.Maps;
using OpenDti.Features.Profiles;
using OpenDti.Features.Rankings;
using OpenDti.Features.Reports;
using OpenDti.Features.Submissions;
using OpenDti.Features.Targets;

namespace OpenDti.Web;

/// <summary>The web application: a short list of what each feature adds and maps.</summary>
internal static class WebApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // The executable finds its appsettings.json and static files beside itself, whatever the
            // working directory; a test host passes its own content root.
            ContentRootPath = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase)) ? null : AppContext.BaseDirectory,
        });
        builder.WebHost.UseStaticWebAssets();
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(Cli.ServeCommand.DefaultUrls);
        }

        builder.Services.AddSingleton(TimeProvider.System);

        // Vietnamese letters go out as text, not as &#x1EC9; entities: pages stay readable and small.
        builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        builder.Services.AddStore(builder.Configuration);
        builder.Services.AddDataProtection().PersistKeysToDbContext<Store.OpenDtiDbContext>().SetApplicationName("OpenDTI");
        builder.Services.AddLocalisation();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<RefusalExceptionHandler>();
        builder.Services.AddExceptionHandler<StoreFailureExceptionHandler>();
        builder.Services.AddReverseProxy(builder.Configuration);
        builder.Services.AddCrossOriginReads();
        builder.Services.AddPublicOutputCache();
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "OpenDTI API";
            document.Info.Description = "Đơn vị hành chính, bộ chỉ số, số liệu chuyển đổi số / units, frameworks and digital-transformation data.";
            return Task.CompletedTask;
        }));
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        builder.Services.AddScoped<DemoStatus>();
        builder.Services.AddGeography();
        builder.Services.AddFrameworks();
        builder.Services.AddRankings();
        builder.Services.AddMaps();
        builder.Services.AddProfiles().AddCompare();
        builder.Services.AddAccounts();
        builder.Services.AddSignInThrottling(builder.Configuration);
        builder.Services.AddDataEntry().AddSubmissions().AddAudit();
        builder.Services.AddDataEntryPages();
        builder.Services.AddReports();
        builder.Services.AddTemplates();
        builder.Services.AddTargets();
        builder.Services.AddEvents();
        builder.Services.AddDossiers();
        builder.Services.AddRazorPages(options => options.RootDirectory = "/Features");

        var app = builder.Build();
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseCors();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache();

        app.MapStaticAssets();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = StoreHealthCheck.WriteAsync });
        app.MapOpenApi();
        app.MapCultureSwitch();

        // The public read API: any origin may GET it (write endpoints map outside, and never get CORS anyway).
        var reads = app.MapGroup(string.Empty).AllowCrossOriginReads();
        reads.MapUnitsApi();
        reads.MapFrameworksApi();
        reads.MapRankingsApi();
        reads.MapMapsApi();
        reads.MapProfilesApi().MapCompareApi();
        reads.MapReports();
        reads.MapTargetsApi();

        app.MapUnitImportApi();
        app.MapAccountsApi().MapApiKeysApi().MapUsersApi();
        app.MapDataValuesApi();
        app.MapSubmissionsApi().MapCompletenessApi().MapDataSetsApi();
        app.MapAuditApi();
        app.MapEvidenceDownloads();
        app.MapTemplates();
        app.MapTargetWritesApi();
        app.MapEvents();
        app.MapDossiersApi();
        app.MapRazorPages();
        return app;
    }
}
