using Microsoft.Extensions.DependencyInjection.Extensions;
using ViberMessaging;
using ViberMessaging.Sqlite.Tracking;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Keeps the delivery tracker's reports in a SQLite file.</summary>
public static class SqliteDeliveryStoreViberMessagingBuilderExtensions
{
    /// <summary>
    /// Replaces the in-memory <see cref="IDeliveryStore"/> of <c>AddDeliveryTracking()</c> (before or after it) with one
    /// in a SQLite file: the same deduplicated, monotonic merge, atomic per message, kept across restarts.
    /// </summary>
    /// <param name="builder">The builder from <c>AddViberMessaging()</c>.</param>
    /// <param name="path">The database file, created with its table if missing (for example <c>deliveries.db</c>).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static IViberMessagingBuilder UseSqliteDeliveryStore(this IViberMessagingBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        builder.Services.RemoveAll<IDeliveryStore>();
        builder.Services.AddSingleton<IDeliveryStore>(_ => new SqliteDeliveryStore(path));
        return builder;
    }
}
