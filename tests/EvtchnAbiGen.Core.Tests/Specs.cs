using System.Collections.Generic;
using System.IO;
using System.Linq;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Layout;
using EvtchnAbiGen.Core.Spec;

namespace EvtchnAbiGen.Core.Tests
{
    internal static class Specs
    {
        public static string RepoRoot => TestSupport.TestPaths.RepoRoot;

        public static List<SpecFile> BuiltIn()
            => Directory.GetFiles(Path.Combine(RepoRoot, "AbiSpecs"), "*.abi").OrderBy(p => p)
                .Select(p => Parser.Parse(p, File.ReadAllText(p))).ToList();

        public static LayoutResult Layout(string text, params AbiTarget[] targets)
            => LayoutEngine.Run(new[] { Parser.Parse("test.abi", text) }, targets.Length == 0 ? null : targets);

        public static List<SpecDiagnostic> Errors(string text)
            => Layout(text).Diagnostics.Where(d => d.Severity != SpecSeverity.Info).ToList();
    }
}
