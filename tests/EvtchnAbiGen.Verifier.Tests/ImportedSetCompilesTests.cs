extern alias gen;
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using EvtchnAbiGen.Verifier.Import;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace EvtchnAbiGen.Verifier.Tests
{
    /// <summary>The generator's C# for a whole imported public ABI, all four ABIs, compiles with no warning, and every
    /// generated record, measured in the CLR, has clang's size, alignment and member offsets on every ABI, judged
    /// against the headers the set was imported from.</summary>
    public class ImportedSetCompilesTests
    {
        private sealed class Text(string path, string text) : AdditionalText
        {
            public override string Path => path;

            public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
        }

        [Fact]
        public void The_whole_imported_set_generates_csharp_that_compiles_without_warnings()
        {
            Fixture.LoadClang();
            // Every public header, the toolstack's too (domctl.h, sysctl.h: uint64_aligned_t fields, 64-bit guest handles).
            var defines = new[] { "__XEN_TOOLS__" };
            var headers = HeaderImporter.AllHeaders(Fixture.SystemHeaders, defines);
            Assert.Contains("domctl.h", headers);
            var result = HeaderImporter.Import(new ImportOptions(Fixture.SystemHeaders, headers, defines));
            Assert.True(result.Records > 500, $"{result.Records} records");
            var set = HeaderSet.ForXenDirectory(Fixture.SystemHeaders, Array.Empty<(string, string)>()).WithSpecHeaders(headers, defines);
            GenerateCompileAndMeasure(new[] { new Text("/imported/xen-public.abi", result.Spec) }, "Xen.Public", set, result.Records);
        }

        /// <summary>What the package ships: the curated specs and AbiSpecs/xen-public, all of it asked for ("*" in a
        /// XenAbi.txt, since the public set is on_demand), against Xen 4.20's headers it was imported from.</summary>
        [XenReleaseFact("trixie")]
        public void The_shipped_whole_set_asked_for_by_name_compiles_and_every_record_has_clangs_layout()
        {
            Fixture.LoadClang();
            string specs = Path.Combine(Fixture.RepoRoot, "AbiSpecs");
            var files = Directory.GetFiles(specs, "*.abi", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList();
            var texts = files.Select(f => (AdditionalText)new Text(f, File.ReadAllText(f))).Append(new Text("/consumer/XenAbi.txt", "*\n")).ToList();
            var parsed = files.Select(f => EvtchnAbiGen.Core.Spec.Parser.Parse(f, File.ReadAllText(f))).ToList();
            var set = HeaderSet.ForXenDirectory(ImportTests.Headers("trixie"), HeaderSet.BuiltInExtras())
                .WithSpecHeaders(parsed.SelectMany(f => f.CHeaders).Distinct(), parsed.SelectMany(f => f.CDefines).Distinct());
            int records = parsed.Sum(f => CountRecords(f.Items));
            GenerateCompileAndMeasure(texts, "Xen.Evtchn", set, records, "0x00040e00");   // xen-common.abi's pinned version
        }

        private static int CountRecords(IEnumerable<EvtchnAbiGen.Core.Spec.Item> items) => items.Sum(i => i switch
        {
            EvtchnAbiGen.Core.Spec.RecordDecl => 1,
            EvtchnAbiGen.Core.Spec.WhenItem w => Math.Max(CountRecords(w.Then), CountRecords(w.Else)),
            _ => 0,
        });

        private static void GenerateCompileAndMeasure(IEnumerable<AdditionalText> inputs, string ns, HeaderSet set, int expectedRecords,
            string interfaceVersion = "__XEN_LATEST_INTERFACE_VERSION__")
        {
            var refs = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(System.IO.Path.PathSeparator)
                .Where(p => System.IO.Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || System.IO.Path.GetFileName(p) == "netstandard.dll")
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
            var compilation = CSharpCompilation.Create("Consumer", new[] { CSharpSyntaxTree.ParseText("class Empty { }") }, refs,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));
            var driver = CSharpGeneratorDriver.Create(new[] { new gen::EvtchnAbiGen.Generator.EvtchnAbiGenerator().AsSourceGenerator() }, inputs)
                .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
            Assert.DoesNotContain(generatorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
            var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join("\n", problems.Take(20)));
            foreach (var abi in new[] { "X86_32", "X86_64", "Arm32", "Arm64" })
            {
                Assert.NotNull(output.GetTypeByMetadataName($"{ns}.{abi}.AbiManifest"));
                int records = output.GetSymbolsWithName(_ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>()
                    .Count(t => t.ContainingType == null && t.ContainingNamespace.ToDisplayString() == $"{ns}.{abi}" && t.TypeKind == TypeKind.Struct && !t.Name.StartsWith("__", StringComparison.Ordinal));
                Assert.True(records > expectedRecords * 9 / 10, $"{abi}: {records} of {expectedRecords} records");
            }

            // Measured in the CLR, judged by clang: every generated record's size, alignment and every member offset
            // and size, on each ABI.
            using var pe = new MemoryStream();
            var emit = output.Emit(pe);
            Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Take(10)));
            var context = new System.Runtime.Loader.AssemblyLoadContext("imported-set", isCollectible: true);
            try
            {
                pe.Position = 0;
                var asm = context.LoadFromStream(pe);
                int checkedRecords = 0, checkedMembers = 0;
                var wrong = new List<string>();
                foreach (var target in EvtchnAbiGen.Core.Layout.AbiTarget.All)
                {
                    var types = asm.GetTypes().Where(t => t.Namespace == $"{ns}.{target.CSharpName}" && t.IsValueType && !t.IsNested && t.IsExplicitLayout).ToList();
                    var c = HeaderReader.Read(target, set, types.Select(t => t.Name).ToList(), Array.Empty<string>(), interfaceVersion);
                    foreach (var t in types)
                    {
                        Assert.True(c.Records.TryGetValue(t.Name, out var cr), $"{target.Name}: {t.Name} is not in the headers");
                        var m = EvtchnAbiGen.LayoutTests.DotNetLayout.Measure(t);
                        if (m.Size != cr!.Size || m.Align != cr.Align) wrong.Add($"{target.Name} {t.Name}: CLR {m.Size}/{m.Align}, clang {cr.Size}/{cr.Align}");
                        var cFields = cr.Fields.GroupBy(f => f.Path).ToDictionary(g => g.Key, g => g.First());
                        foreach (var f in m.Fields)
                        {
                            if (!cFields.TryGetValue(f.Path, out var cf)) wrong.Add($"{target.Name} {t.Name}.{f.Path}: not in C");
                            else if (cf.Offset != f.Offset || cf.Size != f.Size) wrong.Add($"{target.Name} {t.Name}.{f.Path}: CLR {f.Offset}+{f.Size}, clang {cf.Offset}+{cf.Size}");
                            checkedMembers++;
                        }
                        checkedRecords++;
                    }
                }
                Assert.True(wrong.Count == 0, $"{wrong.Count} differences:\n" + string.Join("\n", wrong.Take(20)));
                Assert.True(checkedRecords > expectedRecords * 4 * 9 / 10, $"{checkedRecords} records measured");
                Assert.True(checkedMembers > checkedRecords * 2, $"{checkedMembers} members measured");
            }
            finally
            {
                context.Unload();
            }
        }
    }
}
