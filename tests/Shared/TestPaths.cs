using System;
using System.IO;

namespace EvtchnAbiGen.TestSupport
{
    /// <summary>Where the repository and the build outputs are, seen from a test assembly. Linked into every
    /// test project.</summary>
    internal static class TestPaths
    {
        public static string RepoRoot
        {
            get
            {
                var dir = new DirectoryInfo(AppContext.BaseDirectory);
                while (dir != null && !File.Exists(Path.Combine(dir.FullName, "EvtchnAbiGen.sln"))) dir = dir.Parent;
                return dir?.FullName ?? throw new InvalidOperationException("EvtchnAbiGen.sln not found above " + AppContext.BaseDirectory);
            }
        }

        /// <summary>The build configuration of the running tests: bin/&lt;config&gt;/net10.0.</summary>
        public static string Configuration => new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

        /// <summary>The main DLL of another project in the repo, built in the same configuration.</summary>
        public static string BuiltDll(string projectDir, string assembly)
            => Path.Combine(RepoRoot, projectDir, "bin", Configuration, "net10.0", assembly + ".dll");
    }
}
