using System;
using System.CommandLine;

namespace EvtchnAbiGen.Cli
{
    internal static class Program
    {
        private static int Main(string[] args)
        {
            var root = new RootCommand("EvtchnAbiGen: layouts of Xen's event-channel ABIs (2-level, 3-level, FIFO) per target ABI")
            {
                LayoutCommand.Create(),
                VerifyCommand.Create(),
                ImportCommand.Create(),
                InspectCommand.Create(),
            };
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                // Usage errors exit 2 (1 is reserved for drift / spec errors).
                foreach (var e in parse.Errors) Console.Error.WriteLine("evtchn-abi: " + e.Message);
                Console.Error.WriteLine("evtchn-abi: see 'evtchn-abi --help'");
                return 2;
            }
            return parse.Invoke();
        }
    }
}
