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
            var abi = CommonArguments.Abi();
            var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
            format.AcceptOnlyFromAmong("table", "json");
            var specs = CommonArguments.Specs();
            var cmd = new Command("layout", "Print sizes, alignments and field offsets per ABI") { abi, format, specs };
            cmd.SetAction(pr => Run(pr.GetValue(abi)!, pr.GetValue(format)!, pr.GetValue(specs) ?? Array.Empty<string>()));
            return cmd;
        }

        private static int Run(string abi, string format, string[] specPaths)
        {
            var result = CommonArguments.Layout(abi, specPaths, out var error);
            if (result == null)
            {
                Console.Error.WriteLine($"evtchn-abi: {error}");
                return 2;
            }
            if (result.HasErrors) return 1;
            Console.Out.Write(format == "json" ? LayoutJsonWriter.Write(result.Abis) : LayoutTableWriter.Write(result.Abis));
            return 0;
        }
    }
}
