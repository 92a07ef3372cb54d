using System;
using System.CommandLine;
using System.Linq;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Emit;
using EvtchnAbiGen.Core.Layout;

namespace EvtchnAbiGen.Cli
{
    /// <summary><c>evtchn-abi layout</c>: print the layout of every spec struct for the chosen ABIs.</summary>
    internal static class LayoutCommand
    {
        public static Command Create()
        {
            var abi = new Option<string>("--abi") { Description = "x86_32, x86_64, arm32, arm64 or all", DefaultValueFactory = _ => "all" };
            abi.AcceptOnlyFromAmong("all", "x86_32", "x86_64", "arm32", "arm64");
            var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
            format.AcceptOnlyFromAmong("table", "json");
            var specs = new Argument<string[]>("SPEC") { Description = "spec files or folders (default: the built-in specs)", Arity = ArgumentArity.ZeroOrMore };
            var cmd = new Command("layout", "Print sizes, alignments and field offsets per ABI") { abi, format, specs };
            cmd.SetAction(pr => Run(pr.GetValue(abi)!, pr.GetValue(format)!, pr.GetValue(specs) ?? Array.Empty<string>()));
            return cmd;
        }

        private static int Run(string abi, string format, string[] specPaths)
        {
            string? error = null;
            var files = specPaths.Length == 0 ? SpecSources.BuiltIn() : SpecSources.FromPaths(specPaths, out error);
            if (error != null)
            {
                Console.Error.WriteLine($"evtchn-abi: {error}");
                return 2;
            }
            var targets = abi == "all" ? AbiTarget.All : new[] { AbiTarget.Find(abi)! };
            var result = LayoutEngine.Run(files, targets);
            foreach (var d in result.Diagnostics.Where(d => d.Severity != SpecSeverity.Info))
                Console.Error.WriteLine(d);
            if (result.HasErrors) return 1;
            Console.Out.Write(format == "json" ? LayoutJsonWriter.Write(result.Abis) : LayoutTableWriter.Write(result.Abis));
            return 0;
        }
    }
}
