namespace ViberMessaging.AspNetCore.Tests;

/// <summary><see cref="ViberCallbackPaths"/>: one secret path per account name, whatever its provider.</summary>
public sealed class ViberCallbackPathsTests
{
    [Fact]
    public void PathFor_SameSecret_IsStableAndDiffersPerAccount()
    {
        var paths = new ViberCallbackPaths(Microsoft.Extensions.Options.Options.Create(new ViberCallbackOptions { Secret = CallbackApp.Secret }));
        var other = new ViberCallbackPaths(Microsoft.Extensions.Options.Options.Create(new ViberCallbackOptions { Secret = CallbackApp.Secret + "!" }));

        Assert.Equal(paths.PathFor("Shop"), paths.PathFor("Shop"));
        Assert.NotEqual(paths.PathFor("Shop"), paths.PathFor("ShopMarketing"));
        Assert.NotEqual(paths.PathFor("Shop"), other.PathFor("Shop"));
        Assert.Matches("^/viber/Shop/[0-9a-f]{32}$", paths.PathFor("Shop"));
        Assert.Equal(new Uri("https://shop.example" + paths.PathFor("Shop")), paths.UrlFor(new Uri("https://shop.example/"), "Shop"));
    }
}
