using System;
using Microsoft.Extensions.DependencyInjection;

namespace Grok.DependencyInjection;

/// <summary>Marks a named Grok client as registered, so registering it again adds no second handler.</summary>
internal sealed class GrokClientRegistration(string name)
{
    public string Name { get; } = name;

    public static bool IsRegistered(IServiceCollection services, string name)
    {
        foreach (var descriptor in services)
        {
            if (!descriptor.IsKeyedService
                && descriptor.ServiceType == typeof(GrokClientRegistration)
                && descriptor.ImplementationInstance is GrokClientRegistration registration
                && string.Equals(registration.Name, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
