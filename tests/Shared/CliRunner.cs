using System;
using System.IO;

namespace EvtchnAbiGen.TestSupport
{
    /// <summary>Runs the built CLI (Cli/EvtchnAbiGen.Cli/bin/&lt;config&gt;/net10.0/evtchn-abi.dll) as a user would.
    /// Linked into the test projects that need it.</summary>
    internal static class CliRunner
    {

        public static (int code, string stdout, string stderr) Run(params string[] args)
        {
            string dll = TestPaths.BuiltDll(Path.Combine("Cli", "EvtchnAbiGen.Cli"), "evtchn-abi");
            if (!File.Exists(dll)) throw new FileNotFoundException("the CLI was not built", dll);
            var all = new System.Collections.Generic.List<string> { dll };
            all.AddRange(args);
            return ProcessRunner.Run("dotnet", all);
        }
    }
}
