using Microsoft.Extensions.DependencyInjection;

namespace ViberMessaging;

/// <summary>Registers provider accounts; returned by <c>services.AddViberMessaging()</c>.</summary>
public interface IViberMessagingBuilder
{
    /// <summary>The service collection the providers are registered in.</summary>
    IServiceCollection Services { get; }
}
