using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;

namespace ViberMessaging.Benchmarks;

/// <summary>One job for every suite: fixed counts, so a run takes a predictable time on a shared 2-core machine.</summary>
internal static class BenchmarkConfig
{
    public static IConfig Create(bool quick) => DefaultConfig.Instance
        .AddJob(quick ? Job.ShortRun.WithId("Quick") : Job.Default.WithLaunchCount(1).WithWarmupCount(6).WithIterationCount(15).WithId("ViberMessaging"))
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumn(StatisticColumn.P95)
        .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend))
        .WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
}
