using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace EvtchnAbiGen.ToolBench
{
    /// <summary>Runs the toolchain benchmarks twice: "cold" (BenchmarkDotNet's ColdStart: the first call in a fresh
    /// process, JIT included, as one build's generator run) and "warm" (steady state, as an IDE re-running after an
    /// edit that invalidates everything). Prints each with its target from issue 11 §7. Usage: [--quick] [--out FILE.md] [--only Class,...] | --jit</summary>
    public static class Program
    {
        private static readonly Dictionary<string, double> TargetsMs = new()
        {
            ["generator_whole_set_4_abis"] = 1000, ["generator_10_records_4_abis"] = 50, ["generator_10_records_4_abis_own_code"] = 50,
            ["verify_whole_set_4_abis"] = 10_000, ["import_all_4_abis"] = 10_000,
        };

        public static int Main(string[] args)
        {
            if (args.Contains("--jit")) return JitReport.Run();
            bool quick = args.Contains("--quick");
            int i = Array.IndexOf(args, "--out");
            string? outFile = i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
            var cold = Job.Default.WithStrategy(RunStrategy.ColdStart).WithLaunchCount(quick ? 1 : 3).WithIterationCount(1).WithId("cold");
            var warm = Job.Default.WithWarmupCount(quick ? 1 : 3).WithIterationCount(quick ? 3 : 10).WithLaunchCount(1).WithId("warm");
            var config = ManualConfig.CreateMinimumViable().AddJob(cold).AddJob(warm).WithOptions(ConfigOptions.DisableLogFile);
            // --only Class[,Class]: run some of the classes (quicker when working on one of them).
            int o = Array.IndexOf(args, "--only");
            var only = o >= 0 && o + 1 < args.Length ? args[o + 1].Split(',') : null;
            bool Runs(Type t) => only == null || only.Contains(t.Name);
            var summaries = new List<BenchmarkDotNet.Reports.Summary>();
            var both = new[] { typeof(Generator), typeof(Clang) }.Where(Runs).ToArray();
            if (both.Length > 0) summaries.AddRange(BenchmarkRunner.Run(both, config));
            // The own-code case is a cold-start measurement only: warm, it is the same run as Generator's.
            if (Runs(typeof(GeneratorOnWarmRoslyn)))
                summaries.Add(BenchmarkRunner.Run(typeof(GeneratorOnWarmRoslyn),
                    ManualConfig.CreateMinimumViable().AddJob(cold).WithOptions(ConfigOptions.DisableLogFile)));
            var rows = summaries.SelectMany(s => s.Reports).Where(r => r.ResultStatistics != null)
                .Select(r => (Name: r.BenchmarkCase.Descriptor.WorkloadMethod.Name, Job: r.BenchmarkCase.Job.Id, Ms: r.ResultStatistics!.Mean / 1e6))
                .OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Job, StringComparer.Ordinal).ToList();
            var sb = new StringBuilder("| case | run | ms | target ms | met |\n|---|---|---|---|---|\n");
            foreach (var r in rows)
            {
                double target = TargetsMs[r.Name];
                sb.Append(CultureInfo.InvariantCulture, $"| {r.Name} | {r.Job} | {r.Ms:F1} | {target:F0} | {(r.Ms <= target ? "yes" : "NO")} |\n");
            }
            Console.WriteLine();
            Console.Write(sb);
            foreach (var r in rows) Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "tool {0} {1} {2:F1} ms (target {3:F0})", r.Name, r.Job, r.Ms, TargetsMs[r.Name]));
            if (outFile != null) File.WriteAllText(outFile, sb.ToString());
            return 0;
        }
    }
}
