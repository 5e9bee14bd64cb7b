using System;
using System.Collections.Generic;
using System.Linq;

namespace Grok.Benchmarks.Runner;

/// <summary>Medians and quartiles of paired ratios.</summary>
internal static class Statistics
{
    public static double Quantile(IReadOnlyCollection<double> values, double q)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var position = (sorted.Length - 1) * q;
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }

    public static double Median(IReadOnlyCollection<double> values) => Quantile(values, 0.5);
}

/// <summary>One contender's ratios to its baseline in one scenario.</summary>
internal sealed record Ratio(
    string Scenario,
    string Contender,
    string Baseline,
    double Time,
    double TimeLow,
    double TimeHigh,
    double Micros,
    double Bytes,
    double BaselineBytes,
    int Turns)
{
    public double Alloc => BaselineBytes > 0 ? Bytes / BaselineBytes : double.NaN;
}
