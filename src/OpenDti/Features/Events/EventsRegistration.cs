using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace OpenDti.Features.Events;

/// <summary>Events and training: services and endpoints.</summary>
internal static class EventsRegistration
{
    /// <summary>
    /// The rate-limiting policy of check-ins: when a conference's bridge points all report at once (169 phones
    /// in the same minute), at most this many reports use a store connection at a time and the rest wait their
    /// turn in order, instead of exhausting the connection pool (PostgreSQL allows 100 connections by default).
    /// </summary>
    public const string CheckInLimiter = "check-in";

    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter => limiter.AddConcurrencyLimiter(CheckInLimiter, options =>
        {
            options.PermitLimit = 16;
            options.QueueLimit = 10_000;
            options.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
        }));
        services.AddScoped<EventAccess>();
        services.AddScoped<Conferences>();
        services.AddScoped<CheckIn>();
        services.AddScoped<EventTotals>();
        services.AddScoped<EventQueries>();
        services.AddScoped<EventMeasureWriter>();
        services.AddScoped<TrainingCourses>();
        return services;
    }

    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder app)
    {
        app.MapEventsApi();
        app.MapTrainingApi();
        app.MapEventDownloads();
        app.MapCertificateDownloads();
        return app;
    }
}
