namespace CustomerNeeds.Server.Security;

/// <summary>Wires the access layer of docs/security.md into the server.</summary>
public static class AccessRegistration
{
    /// <summary>Authentication, the matrix, limits and the audit hand-off (the interceptor is added to AddGrpc by the caller).</summary>
    public static IServiceCollection AddCallerAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.Section));
        services.AddSingleton<JwtAuthenticator>();
        services.AddSingleton<CallerAuthentication>();
        services.AddSingleton<CallerLimits>();
        services.AddSingleton<CallAudit>();
        services.AddSingleton<ServedCustomers>();
        return services;
    }

    /// <summary>Puts <see cref="AccessMiddleware"/> in front of every gRPC call (after routing, so that the method is known).</summary>
    public static IApplicationBuilder UseCallerAccess(this IApplicationBuilder app) => app.UseMiddleware<AccessMiddleware>();
}
