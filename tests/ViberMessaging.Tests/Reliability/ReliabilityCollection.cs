namespace ViberMessaging.Tests.Reliability;

/// <summary>
/// The reliability tests that drive real loopback traffic at scale (the fault matrix, 1 000 concurrent sends, handler
/// rotation, cancellation timing). They run one after another and after the parallel tests of this assembly, so
/// their load does not disturb the timing-sensitive pacing tests and theirs is measured undisturbed.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReliabilityCollection
{
    public const string Name = "Reliability (loopback at scale)";
}
