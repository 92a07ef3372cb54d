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
            };
            return root.Parse(args).Invoke();
        }
    }
}
