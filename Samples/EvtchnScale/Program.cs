using System;
using System.CommandLine;
using System.Linq;

namespace EvtchnScale
{
    internal static class Program
    {
        private static int Main(string[] args)
        {
            // The backend domain's process: started by the hypervisor's with the shared file's path.
            if (args.Length == 2 && args[0] == BackendCommand.Flag) return Backend.Run(args[1]);

            var options = new ScaleOptions();
            var root = options.Command();
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                // One line and exit code 2 for a bad flag or value.
                Console.Error.WriteLine($"EvtchnScale: {parse.Errors[0].Message} (see --help)");
                return 2;
            }
            if (parse.Action != null && parse.CommandResult.Command == root && args.Any(a => a is "--help" or "-h" or "-?" or "--version"))
                return parse.Invoke();
            var settings = options.Bind(parse, out string? error);
            if (settings == null)
            {
                Console.Error.WriteLine($"EvtchnScale: {error}");
                return 2;
            }
            return Simulation.Run(settings);
        }
    }
}
