using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace EvtchnAbiGen.Generator.Tests
{
    internal sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    internal sealed class TestOptions : AnalyzerConfigOptionsProvider
    {
        private readonly Options _global;

        public TestOptions(IDictionary<string, string> values) => _global = new Options(values);

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _global;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _global;

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly IDictionary<string, string> _values;

            public Options(IDictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, out string value)
            {
                if (_values.TryGetValue(key, out var v))
                {
                    value = v;
                    return true;
                }
                value = "";
                return false;
            }
        }
    }

    internal static class GeneratorHarness
    {
        public static string RepoRoot => TestSupport.TestPaths.RepoRoot;

        public static ImmutableArray<AdditionalText> BuiltInSpecs()
            => Directory.GetFiles(System.IO.Path.Combine(RepoRoot, "AbiSpecs"), "*.abi").OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (AdditionalText)new InMemoryAdditionalText(p, File.ReadAllText(p))).ToImmutableArray();

        /// <summary>The curated specs and the imported public set (AbiSpecs/xen-public, on_demand), as the package ships them.</summary>
        public static ImmutableArray<AdditionalText> ShippedSpecs()
            => Directory.GetFiles(System.IO.Path.Combine(RepoRoot, "AbiSpecs"), "*.abi", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (AdditionalText)new InMemoryAdditionalText(p, File.ReadAllText(p))).ToImmutableArray();

        public static readonly ImmutableArray<MetadataReference> References =
            ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(System.IO.Path.PathSeparator)
            .Where(p => System.IO.Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || System.IO.Path.GetFileName(p) == "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();

        public static CSharpCompilation Compilation(params string[] sources)
            => CSharpCompilation.Create("Consumer",
                sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Preview), path: $"Source{i}.cs")),
                References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));

        public static GeneratorDriver Driver(IEnumerable<AdditionalText> specs, IDictionary<string, string>? options = null)
            => CSharpGeneratorDriver.Create(
                new[] { new EvtchnAbiGenerator().AsSourceGenerator() },
                specs,
                new CSharpParseOptions(LanguageVersion.Preview),
                new TestOptions(options ?? new Dictionary<string, string>()),
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }
}
