using System;
using System.Collections.Generic;
using System.Linq;
using ScottPlot;

namespace EvtchnScale
{
    /// <summary>Throughput and p99 latency against guests (log scales), one line per mechanism and word size.</summary>
    public static class Charts
    {
        public static void Write(IReadOnlyList<Run> runs, int perGuest, string throughputPath, string latencyPath)
        {
            Save(runs, perGuest, "Event throughput against guests", "events / s", p => p.ThroughputPerS, throughputPath, Alignment.LowerLeft);
            Save(runs, perGuest, "Delivery latency (p99) against guests", "p99 latency (µs)", p => p.LatencyNs.P99 / 1000.0, latencyPath, Alignment.UpperLeft);
        }

        private static void Save(IReadOnlyList<Run> runs, int perGuest, string title, string yLabel, Func<Point, double> y, string path, Alignment legend)
        {
            var plot = new Plot();
            var palette = new ScottPlot.Palettes.Category10();
            int i = 0;
            foreach (var run in runs)
            {
                var points = run.Points.Where(p => p.Guests > 0 && y(p) > 0).ToList();
                if (points.Count == 0) continue;
                var xs = points.Select(p => Math.Log10(p.Guests)).ToArray();
                var ys = points.Select(p => Math.Log10(y(p))).ToArray();
                var line = plot.Add.Scatter(xs, ys);
                line.LegendText = $"{Label(run.Mechanism)} {run.WordBits}-bit (max {run.MaxGuests:N0} guests)";
                line.Color = palette.GetColor(i / 2);
                line.LinePattern = run.WordBits == 32 ? LinePattern.Dashed : LinePattern.Solid;
                line.MarkerSize = 6;
                line.LineWidth = 2;
                i++;
            }
            plot.Title(title);
            plot.XLabel($"guests ({perGuest} backend channels each)");
            plot.YLabel(yLabel);
            foreach (ScottPlot.IAxis axis in new ScottPlot.IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
                axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
                {
                    MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                    IntegerTicksOnly = true,
                    LabelFormatter = v => Math.Pow(10, v).ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                };
            plot.ShowLegend(legend);
            plot.SavePng(path, 900, 560);
        }

        private static string Label(string mechanism) => mechanism switch { "2l" => "2L", "3l" => "3L", _ => "FIFO" };
    }
}
