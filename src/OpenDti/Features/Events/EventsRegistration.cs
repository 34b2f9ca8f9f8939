namespace OpenDti.Features.Events;

/// <summary>Events and training: services and endpoints.</summary>
internal static class EventsRegistration
{
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
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
        app.MapEventDownloads();
        return app;
    }
}
