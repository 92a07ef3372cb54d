using System;
using System.CommandLine;
using System.Linq;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Layout;

namespace EvtchnAbiGen.Cli
{
    /// <summary>What 'layout' and 'verify' share: the --abi option, the SPEC argument, and loading the specs
    /// into the layout engine with the spec diagnostics printed to stderr.</summary>
    internal static class CommonArguments
    {
        public static Option<string> Abi()
        {
            var abi = new Option<string>("--abi") { Description = "x86_32, x86_64, arm32, arm64 or all", DefaultValueFactory = _ => "all" };
            abi.AcceptOnlyFromAmong("all", "x86_32", "x86_64", "arm32", "arm64");
            return abi;
        }

        public static Argument<string[]> Specs()
            => new Argument<string[]>("SPEC") { Description = "spec files or folders (default: the built-in specs)", Arity = ArgumentArity.ZeroOrMore };

        /// <summary>Loads the specs (built-in when none are given) and lays them out for the chosen ABIs.
        /// Returns null with <paramref name="error"/> set when a spec path does not exist.</summary>
        public static LayoutResult? Layout(string abi, string[] specPaths, out string? error)
        {
            error = null;
            var files = specPaths.Length == 0 ? SpecSources.BuiltIn() : SpecSources.FromPaths(specPaths, out error);
            if (error != null) return null;
            var targets = abi == "all" ? AbiTarget.All : new[] { AbiTarget.Find(abi)! };
            var result = LayoutEngine.Run(files, targets);
            foreach (var d in result.Diagnostics.Where(d => d.Severity != SpecSeverity.Info))
                Console.Error.WriteLine(d);
            return result;
        }
    }
}
