using System;
using System.Diagnostics;
using System.IO;

namespace EvtchnScale
{
    /// <summary>How the hypervisor's process starts the backend domain's: this same program, with a hidden flag.</summary>
    public static class BackendCommand
    {
        public const string Flag = "--backend-domain";

        public static ProcessStartInfo Create()
        {
            string exe = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
            var psi = new ProcessStartInfo(exe) { UseShellExecute = false };
            // Under 'dotnet EvtchnScale.dll' the process is the host: pass it the assembly.
            if (Path.GetFileNameWithoutExtension(exe) == "dotnet") psi.ArgumentList.Add(typeof(BackendCommand).Assembly.Location);
            psi.ArgumentList.Add(Flag);
            return psi;
        }
    }
}
