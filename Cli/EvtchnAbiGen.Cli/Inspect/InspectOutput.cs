using System;

namespace EvtchnAbiGen.Cli.Inspect
{
    internal static class InspectOutput
    {
        /// <summary>Prints the report in the chosen format; the exit code is 1 when it has an error-severity problem.</summary>
        public static int Print(string format, bool hasErrors, Func<string> json, Func<string> text)
        {
            Console.Out.Write(format == "json" ? json() : text());
            return hasErrors ? 1 : 0;
        }
    }
}
