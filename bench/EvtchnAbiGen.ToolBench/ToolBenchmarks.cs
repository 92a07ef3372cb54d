extern alias gen;
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using EvtchnAbiGen.Core.Emit;
using EvtchnAbiGen.Core.Layout;
using EvtchnAbiGen.Core.Spec;
using EvtchnAbiGen.Verifier;
using EvtchnAbiGen.Verifier.Import;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace EvtchnAbiGen.ToolBench
{
    internal sealed class Text(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    internal static class Inputs
    {
        public static string Repo => Environment.GetEnvironmentVariable("EVTCHNABIGEN_REPO") ?? throw new InvalidOperationException("EVTCHNABIGEN_REPO is not set (bench/run sets it)");

        public static string SystemHeaders => Environment.GetEnvironmentVariable("EVTCHNABIGEN_HEADERS") ?? "/usr/include/xen";

        /// <summary>What the package ships: the curated specs and AbiSpecs/xen-public.</summary>
        public static List<AdditionalText> ShippedSpecs()
            => Directory.GetFiles(Path.Combine(Repo, "AbiSpecs"), "*.abi", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (AdditionalText)new Text(p, File.ReadAllText(p))).ToList();

        /// <summary>Ten records a split-driver backend needs.</summary>
        public const string TenNames = "grant_entry_v1\ngrant_entry_v2\ngnttab_map_grant_ref\nnetif_tx_request\nnetif_rx_response\nblkif_request\n" +
                                       "xenstore_domain_interface\nxencons_interface\nioreq\nvcpu_runstate_info\n";
    }

    /// <summary>The source generator as a build runs it: a new driver (nothing cached) over the shipped specs, all four
    /// ABIs, with a XenAbi.txt naming everything ("*") or ten records. Generation only; compiling the output is the
    /// C# compiler's cost, not the generator's.</summary>
    public class Generator
    {
        private List<AdditionalText> _specs = null!;
        private CSharpCompilation _compilation = null!;

        internal CSharpCompilation Compilation => _compilation;

        [GlobalSetup]
        public void Setup()
        {
            _specs = Inputs.ShippedSpecs();
            _compilation = CSharpCompilation.Create("Consumer", new[] { CSharpSyntaxTree.ParseText("class Empty { }") },
                new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location),
                        MetadataReference.CreateFromFile(typeof(System.Runtime.CompilerServices.InlineArrayAttribute).Assembly.Location) },
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
        }

        private int Run(string xenAbiTxt)
        {
            var driver = CSharpGeneratorDriver.Create(new[] { new gen::EvtchnAbiGen.Generator.EvtchnAbiGenerator().AsSourceGenerator() },
                _specs.Append(new Text("/consumer/XenAbi.txt", xenAbiTxt)));
            var result = driver.RunGenerators(_compilation).GetRunResult();
            if (result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)) throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
            return result.GeneratedTrees.Length;
        }

        [Benchmark]
        public int generator_whole_set_4_abis() => Run("*\n");

        [Benchmark]
        public int generator_10_records_4_abis() => Run(Inputs.TenNames);
    }

    /// <summary>The generator's own first run, without Roslyn's. A build runs generators inside a compiler that is
    /// already compiled ahead of time (the SDK's csc is ReadyToRun) and warm: it has bound the references and parses
    /// C#. Here, only in this class's cold job, a stand-in generator first warms the NuGet Roslyn the same way (it
    /// binds the compilation and adds the ten records' C#, made by the Core assembly, not the generator's copy of it,
    /// and its trees are parsed), so the first call measures what the generator's own code costs on first use: its
    /// JIT, its generic instantiations (Roslyn's node tables over its types included) and its work.</summary>
    public class GeneratorOnWarmRoslyn
    {
        private readonly Generator _generator = new Generator();

        [GlobalSetup]
        public void Setup()
        {
            _generator.Setup();
            var specs = Inputs.ShippedSpecs();
            var files = specs.Select(t => Parser.Parse(t.Path, t.GetText()!.ToString())).ToList();
            var selection = NameSelection.Parse("XenAbi.txt", Inputs.TenNames);
            var texts = new List<string>();
            foreach (var set in LayoutEngine.RunByNamespace(files, AbiTarget.All, default, selection))
                foreach (var abi in set.Abis)
                    texts.Add(CSharpEmitter.Emit(selection.Apply(abi), GeneratorOptions.Default, Portability.Compute(set.Abis.ToList())));
            var driver = CSharpGeneratorDriver.Create(new[] { new StandIn(texts).AsSourceGenerator() }, specs);
            foreach (var tree in driver.RunGenerators(_generator.Compilation).GetRunResult().GeneratedTrees) tree.GetRoot();
        }

        [Benchmark]
        public int generator_10_records_4_abis_own_code() => _generator.generator_10_records_4_abis();

        private sealed class StandIn(List<string> texts) : IIncrementalGenerator
        {
            public void Initialize(IncrementalGeneratorInitializationContext context)
            {
                var lengths = context.AdditionalTextsProvider.Select(static (t, ct) => t.GetText(ct)?.Length ?? 0).Collect();
                var bound = context.CompilationProvider.Select(static (c, _) => c.GetTypeByMetadataName("System.Runtime.CompilerServices.InlineArrayAttribute") != null);
                context.RegisterSourceOutput(lengths.Combine(bound), (spc, _) =>
                {
                    for (int i = 0; i < texts.Count; i++) spc.AddSource($"StandIn{i}.g.cs", texts[i]);
                });
            }
        }
    }

    /// <summary>`evtchn-abi verify` and `import --all` on the whole set, four ABIs, through libclang.</summary>
    public class Clang
    {
        private LayoutResult _layout = null!;
        private HeaderSet _headers = null!;
        private IReadOnlyList<string> _all = null!;

        [GlobalSetup]
        public void Setup()
        {
            if (LibClangLoader.Load() is string error) throw new InvalidOperationException(error);
            var files = Directory.GetFiles(Path.Combine(Inputs.Repo, "AbiSpecs"), "*.abi", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => Parser.Parse(p, File.ReadAllText(p))).ToList();
            _layout = LayoutEngine.Run(files);
            _headers = HeaderSet.ForXenDirectory(Inputs.SystemHeaders, HeaderSet.BuiltInExtras());
            _all = HeaderImporter.AllHeaders(Inputs.SystemHeaders, Array.Empty<string>());
        }

        [Benchmark]
        public int verify_whole_set_4_abis() => LayoutVerifier.Run(_layout, _headers).Abis.Sum(a => a.Structs.Count);

        [Benchmark]
        public int import_all_4_abis() => HeaderImporter.Import(new ImportOptions(Inputs.SystemHeaders, _all, Array.Empty<string>())).Records;
    }
}
