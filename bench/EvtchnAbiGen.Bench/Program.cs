using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace EvtchnAbiGen.Bench
{
    /// <summary>Runs the BenchmarkDotNet cases, reads the C reference's results (bench/c), and prints ns/op
    /// for both plus "ratio &lt;case&gt; &lt;C#/C&gt;" per case. Usage: [--quick] [--filter TEXT] [--c-results FILE] [--out FILE.md]</summary>
    public static class Program
    {
        private static readonly Dictionary<string, double> Targets = new()
        {
            ["set_bit"] = 1.10, ["clear_bit"] = 1.10, ["test_and_set_bit"] = 1.10, ["contended_set_2t"] = 1.10,
            ["scan_2l_4096_50pct"] = 1.25, ["scan_3l_262144_0.1pct"] = 1.25, ["scan_3l_262144_50pct"] = 1.25,
            ["fifo_raise_consume"] = 1.25,
            // Word-at-once acknowledgement against Linux's per-port C scan on the same workload (issue 10):
            // at least 3x faster per port at 50 % density, no slower at 0.1 %.
            ["scan_2l_4096_50pct_wordack"] = 0.33, ["scan_3l_262144_50pct_wordack"] = 0.33, ["scan_3l_262144_0.1pct_wordack"] = 1.00,
        };

        /// <summary>The C case a C# case is compared with: a "_wordack" scan against the per-port C scan.</summary>
        private static string CName(string name) => name.EndsWith("_wordack", StringComparison.Ordinal) ? name.Substring(0, name.Length - "_wordack".Length) : name;

        public static int Main(string[] args)
        {
            bool quick = args.Contains("--quick");
            string? cFile = Value(args, "--c-results");
            string? outFile = Value(args, "--out");

            var job = quick
                ? Job.Default.WithWarmupCount(1).WithIterationCount(3).WithLaunchCount(1)
                : Job.Default.WithWarmupCount(3).WithIterationCount(10).WithLaunchCount(1);
            var config = ManualConfig.CreateMinimumViable().AddJob(job).WithOptions(ConfigOptions.DisableLogFile);
            if (Value(args, "--filter") is string filter)
                config = config.AddFilter(new BenchmarkDotNet.Filters.NameFilter(n => n.Contains(filter, StringComparison.Ordinal)));
            var types = new List<Type> { typeof(BitOps), typeof(Contended), typeof(Scans), typeof(Fifo) };
            if (!quick) types.Add(typeof(ScanScaling));
            var summaries = BenchmarkRunner.Run(types.ToArray(), config).ToList();

            var dotnet = new Dictionary<string, double>();
            foreach (var report in summaries.SelectMany(s => s.Reports))
            {
                if (report.ResultStatistics == null) continue;
                string name = report.BenchmarkCase.Descriptor.WorkloadMethod.Name.Replace("0_1pct", "0.1pct");
                double ns = report.ResultStatistics.Mean;
                if (name == "scale")
                {
                    string abi = (string)report.BenchmarkCase.Parameters["Abi"];
                    string density = (string)report.BenchmarkCase.Parameters["Density"];
                    name = $"scale_{abi}_{density}";
                    ns /= new Arm(ScanScaling.Ports(abi), ScanScaling.DensityValue(density)).Count;
                }
                dotnet[name] = ns;
            }
            var c = cFile != null && File.Exists(cFile) ? ReadC(cFile) : new Dictionary<string, double>();
            string table = Table(dotnet, c);
            Console.WriteLine();
            Console.Write(table);
            if (outFile != null) File.WriteAllText(outFile, Markdown(dotnet, c));
            return 0;
        }

        private static string? Value(string[] args, string name)
        {
            int i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        private static Dictionary<string, double> ReadC(string path)
            => File.ReadAllLines(path).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length == 2)
                .ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));

        private static string Table(Dictionary<string, double> dotnet, Dictionary<string, double> c)
        {
            var sb = new StringBuilder();
            sb.AppendLine(string.Format(CultureInfo.InvariantCulture, "{0,-28} {1,12} {2,12} {3,8} {4,8}", "case", "C ns/op", "C# ns/op", "C#/C", "target"));
            foreach (var (name, ns) in dotnet.OrderBy(k => k.Key.StartsWith("scale", StringComparison.Ordinal)).ThenBy(k => k.Key, StringComparer.Ordinal))
            {
                bool hasC = c.TryGetValue(CName(name), out double cns);
                string target = Targets.TryGetValue(name, out double t) ? "<= " + t.ToString("F2", CultureInfo.InvariantCulture) : "";
                sb.AppendLine(string.Format(CultureInfo.InvariantCulture, "{0,-28} {1,12} {2,12:F3} {3,8} {4,8}", name,
                    hasC ? cns.ToString("F3", CultureInfo.InvariantCulture) : "-", ns, hasC ? (ns / cns).ToString("F2", CultureInfo.InvariantCulture) : "-", target));
            }
            sb.AppendLine();
            foreach (var (name, ns) in dotnet.OrderBy(k => k.Key, StringComparer.Ordinal))
                if (c.TryGetValue(CName(name), out double cns))
                    sb.AppendLine(string.Format(CultureInfo.InvariantCulture, "ratio {0} {1:F3}", name, ns / cns));
            return sb.ToString();
        }

        private static string Markdown(Dictionary<string, double> dotnet, Dictionary<string, double> c)
        {
            var sb = new StringBuilder();
            sb.AppendLine("| case | C ns/op | C# ns/op | C#/C | target |");
            sb.AppendLine("|---|---:|---:|---:|---|");
            foreach (var (name, ns) in dotnet.OrderBy(k => k.Key.StartsWith("scale", StringComparison.Ordinal)).ThenBy(k => k.Key, StringComparer.Ordinal))
            {
                bool hasC = c.TryGetValue(CName(name), out double cns);
                string target = Targets.TryGetValue(name, out double t) ? "≤ " + t.ToString("F2", CultureInfo.InvariantCulture) : "";
                sb.AppendLine(string.Format(CultureInfo.InvariantCulture, "| {0} | {1} | {2:F3} | {3} | {4} |", name,
                    hasC ? cns.ToString("F3", CultureInfo.InvariantCulture) : "-", ns, hasC ? (ns / cns).ToString("F2", CultureInfo.InvariantCulture) : "-", target));
            }
            return sb.ToString();
        }
    }
}
