using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EvtchnAbiGen.TestSupport;

namespace EvtchnAbiGen.Package.Tests
{
    /// <summary>A temp folder whose nuget.config adds only .build/packages to the default sources, where the
    /// tests make consumer projects and install the tool. The packages come from scripts/pack (tests/run
    /// packs before testing; this packs too if they are missing). Our own packages are dropped from the
    /// NuGet cache first, so a repack with the same version is what gets restored.</summary>
    public sealed class ConsumerWorkspace : IDisposable
    {
        public const string Version = "0.1.0";
        private readonly TempDir _dir = new TempDir("evtchn-consumer-");

        public ConsumerWorkspace()
        {
            Packages = Path.Combine(TestPaths.RepoRoot, ".build", "packages");
            if (!File.Exists(Path.Combine(Packages, $"EvtchnAbiGen.{Version}.nupkg")))
            {
                var pack = Run(TestPaths.RepoRoot, Path.Combine(TestPaths.RepoRoot, "scripts", "pack"));
                if (pack.Code != 0) throw new InvalidOperationException("scripts/pack failed:\n" + pack.Output);
            }
            string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            foreach (var id in new[] { "evtchnabigen", "evtchnabigen.tool" })
                if (Directory.Exists(Path.Combine(cache, id))) Directory.Delete(Path.Combine(cache, id), recursive: true);
            File.WriteAllText(Path.Combine(Root, "nuget.config"),
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n" +
                $"    <add key=\"evtchnabigen-local\" value=\"{Packages}\" />\n  </packageSources>\n</configuration>\n");
        }

        public string Root => _dir.Path;

        /// <summary>The first build of the shared net10.0 consumer (later builds are incremental and print no warnings).</summary>
        public (int Code, string Output)? Net10Build { get; set; }
        public string Packages { get; }

        /// <summary>A project folder with a csproj that has exactly one PackageReference line, and the given files.</summary>
        public string Project(string name, string framework, IDictionary<string, string> files, bool exe = true)
        {
            string dir = Path.Combine(Root, name);
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, name + ".csproj"),
                "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n" +
                (exe ? "    <OutputType>Exe</OutputType>\n" : "") +
                $"    <TargetFramework>{framework}</TargetFramework>\n  </PropertyGroup>\n" +
                $"  <ItemGroup>\n    <PackageReference Include=\"EvtchnAbiGen\" Version=\"{Version}\" />\n  </ItemGroup>\n</Project>\n");
            foreach (var (file, text) in files) File.WriteAllText(Path.Combine(dir, file), text);
            return dir;
        }

        public static (int Code, string Output) Run(string workingDirectory, string file, params string[] args)
        {
            var (code, stdout, stderr) = ProcessRunner.Run(file, args, workingDirectory);
            return (code, stdout + stderr);
        }

        public static (int Code, string Output) Dotnet(string workingDirectory, params string[] args)
            => Run(workingDirectory, "dotnet", args);

        public void Dispose() => _dir.Dispose();
    }
}
