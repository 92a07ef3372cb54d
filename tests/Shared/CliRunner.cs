using System;
using System.Diagnostics;
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
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add(dll);
            foreach (var a in args) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            string stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, stdout.Result, stderr);
        }
    }
}
