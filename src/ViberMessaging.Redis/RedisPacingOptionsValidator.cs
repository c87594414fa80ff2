using Microsoft.Extensions.Options;

namespace ViberMessaging.Redis;

/// <summary>Reports every problem of <see cref="RedisPacingOptions"/> at once.</summary>
internal sealed class RedisPacingOptionsValidator : IValidateOptions<RedisPacingOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisPacingOptions options)
    {
        var section = string.IsNullOrEmpty(name) ? "ViberMessaging:Redis" : "ViberMessaging:Redis (account " + name + ")";
        var problems = options.Problems().Select(p => section + ": " + p).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
