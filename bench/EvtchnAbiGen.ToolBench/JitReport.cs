using System;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace EvtchnAbiGen.ToolBench
{
    /// <summary>--jit: the generator's own first run (as GeneratorOnWarmRoslyn's cold job) once in this process, with
    /// the JIT's own counters, to show how much of a first run is compiling the generator's code. The counters cover
    /// every thread, so they include some background re-compilation (tier 1) of the warm-up's hot methods.</summary>
    internal static class JitReport
    {
        public static int Run()
        {
            var bench = new GeneratorOnWarmRoslyn();
            bench.Setup();
            long methods = JitInfo.GetCompiledMethodCount();
            var jitTime = JitInfo.GetCompilationTime();
            var watch = Stopwatch.StartNew();
            bench.generator_10_records_4_abis_own_code();
            watch.Stop();
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "jit generator_10_records_4_abis_own_code {0:F1} ms, {1} methods compiled in {2:F1} ms",
                watch.Elapsed.TotalMilliseconds, JitInfo.GetCompiledMethodCount() - methods, (JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds));
            return 0;
        }
    }
}
