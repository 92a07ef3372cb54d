using System;
using System.IO;
using System.Text.Json;
using EvtchnAbiGen.TestSupport;

namespace EvtchnAbiGen.Scale.Tests
{
    /// <summary>One 'EvtchnScale --quick --out DIR --dump DIR' run, shared by the tests that read its output.</summary>
    public sealed class ScaleRun : IDisposable
    {
        private readonly TempDir _dir = new("evtchnscale");

        public ScaleRun()
        {
            OutDir = Path.Combine(_dir.Path, "out");
            DumpDir = Path.Combine(_dir.Path, "dump");
            (Code, Stdout, Stderr) = Scale.Run("--quick", "--out", OutDir, "--dump", DumpDir);
            string json = Path.Combine(OutDir, "results.json");
            Results = File.Exists(json) ? JsonDocument.Parse(File.ReadAllText(json)) : null;
        }

        public string OutDir { get; }
        public string DumpDir { get; }
        public int Code { get; }
        public string Stdout { get; }
        public string Stderr { get; }
        public JsonDocument? Results { get; }

        public void Dispose()
        {
            Results?.Dispose();
            _dir.Dispose();
        }
    }

    internal static class Scale
    {
        public static (int Code, string Stdout, string Stderr) Run(params string[] args)
        {
            var all = new System.Collections.Generic.List<string> { TestPaths.BuiltDll("Samples/EvtchnScale", "EvtchnScale") };
            all.AddRange(args);
            return ProcessRunner.Run("dotnet", all);
        }
    }
}
