using System.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace CustomerNeeds.Server.Grpc;

/// <summary>
/// Discovers the methods of a generated gRPC service (through its <c>BindService</c> method,
/// as grpc-dotnet does) and registers them with a request marshaller that turns an
/// unparseable message into INVALID_ARGUMENT instead of grpc-dotnet's UNKNOWN.
/// Replaces grpc-dotnet's default binder-based provider for every service.
/// </summary>
/// <typeparam name="TService">The service implementation type.</typeparam>
internal sealed class GuardedServiceMethodProvider<TService> : IServiceMethodProvider<TService>
    where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        var bindMethod = FindBindMethod(typeof(TService));
        if (bindMethod is null)
        {
            return;
        }

        var serviceBaseType = bindMethod.GetParameters()[1].ParameterType;
        var binder = new GuardedServiceBinder<TService>(context, serviceBaseType);
        bindMethod.Invoke(null, [binder, null]);
    }

    private static MethodInfo? FindBindMethod(Type serviceType)
    {
        for (var type = serviceType; type is not null; type = type.BaseType)
        {
            var attribute = type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false);
            if (attribute is null)
            {
                continue;
            }

            return attribute.BindType
                .GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .FirstOrDefault(m => m.Name == attribute.BindMethodName
                    && m.GetParameters() is { Length: 2 } p
                    && p[0].ParameterType == typeof(ServiceBinderBase));
        }

        return null;
    }
}
