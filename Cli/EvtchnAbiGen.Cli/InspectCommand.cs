using System.CommandLine;
using EvtchnAbiGen.Cli.Inspect;

namespace EvtchnAbiGen.Cli
{
    /// <summary><c>evtchn-abi inspect</c>: read dumped event-channel memory (2-level shared_info, FIFO event array
    /// and control blocks, 3-level bitmaps) and report pending and masked ports, selectors, queues and
    /// inconsistencies. Exit codes: 0 no error-severity problem, 1 at least one, 2 usage or file error.</summary>
    internal static class InspectCommand
    {
        public static Command Create()
            => new Command("inspect", "Inspect dumped event-channel memory: pending and masked ports, selectors, FIFO queues, inconsistencies")
            {
                SharedInfoCommand.Create(),
                FifoCommand.Create(),
                ThreeLevelCommand.Create(),
            };
    }
}
