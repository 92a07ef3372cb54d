using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using EvtchnAbiGen.Core.Layout;
using EvtchnAbiGen.Core.Spec;
using Xunit;

namespace EvtchnAbiGen.Verifier.Tests
{
    internal static class Fixture
    {
        public const string SystemHeaders = "/usr/include/xen";

        public static string RepoRoot => TestSupport.TestPaths.RepoRoot;

        public static LayoutResult BuiltInSpecs()
        {
            var files = Directory.GetFiles(Path.Combine(RepoRoot, "AbiSpecs"), "*.abi").OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => Parser.Parse("AbiSpecs/" + Path.GetFileName(p), File.ReadAllText(p))).ToList();
            return LayoutEngine.Run(files);
        }

        public static void LoadClang() => Assert.Null(LibClangLoader.Load());

        /// <summary>A private copy of Xen's headers in a folder named 'xen', to mutate; dispose it to delete it.</summary>
        public static HeaderCopy CopyHeaders()
        {
            Assert.True(File.Exists(Path.Combine(SystemHeaders, "event_channel.h")), "libxen-dev is not installed (scripts/install-deps)");
            return new HeaderCopy(SystemHeaders);
        }

        /// <summary>Replaces one exact snippet; fails if it is not there, so a header update cannot make a test vacuous.</summary>
        public static void Mutate(string dir, string file, string from, string to)
        {
            string path = Path.Combine(dir, file);
            string text = File.ReadAllText(path);
            int at = text.IndexOf(from, StringComparison.Ordinal);
            Assert.True(at >= 0, $"snippet not found in {file}: {from}");
            File.WriteAllText(path, text.Substring(0, at) + to + text.Substring(at + from.Length));
        }

        public static VerifyReport Verify(string headersDir)
        {
            LoadClang();
            return LayoutVerifier.Run(BuiltInSpecs(), HeaderSet.ForXenDirectory(headersDir, HeaderSet.BuiltInExtras()));
        }

        public static (int code, string stdout, string stderr) Cli(params string[] args) => TestSupport.CliRunner.Run(args);

        public static List<Drift> Of(VerifyReport r, string abi, string? structName = null)
            => r.Abis.Single(a => a.Target.Name == abi).Drifts.Where(d => structName == null || d.Struct == structName).ToList();
    }
}
