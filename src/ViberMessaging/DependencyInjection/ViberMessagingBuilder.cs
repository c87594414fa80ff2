using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ViberMessaging.DependencyInjection;

/// <summary>The builder behind <see cref="IViberMessagingBuilder"/>: the services, the configuration section providers bind from, and the registry.</summary>
internal sealed record ViberMessagingBuilder(IServiceCollection Services, IConfiguration? Section, ProviderRegistry Registry) : IViberMessagingBuilder;
