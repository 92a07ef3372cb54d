extern alias gen;
using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using EvtchnAbiGen.Verifier.Import;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace EvtchnAbiGen.Verifier.Tests
{
    /// <summary>The generator's C# for the whole imported public ABI (every header, the toolstack's too, all four ABIs)
    /// compiles with no warning, and every generated record, measured in the CLR, has clang's size, alignment and
    /// member offsets on every ABI.</summary>
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
            var refs = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(System.IO.Path.PathSeparator)
                .Where(p => System.IO.Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || System.IO.Path.GetFileName(p) == "netstandard.dll")
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
            var compilation = CSharpCompilation.Create("Consumer", new[] { CSharpSyntaxTree.ParseText("class Empty { }") }, refs,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));
            var driver = CSharpGeneratorDriver.Create(new[] { new gen::EvtchnAbiGen.Generator.EvtchnAbiGenerator().AsSourceGenerator() },
                    new AdditionalText[] { new Text("/imported/xen-public.abi", result.Spec) })
                .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
            Assert.DoesNotContain(generatorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
            var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join("\n", problems.Take(20)));
            foreach (var abi in new[] { "X86_32", "X86_64", "Arm32", "Arm64" })
            {
                var manifest = output.GetTypeByMetadataName($"Xen.Public.{abi}.AbiManifest");
                Assert.NotNull(manifest);
                int records = output.GetSymbolsWithName(_ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>()
                    .Count(t => t.ContainingType == null && t.ContainingNamespace.ToDisplayString() == $"Xen.Public.{abi}" && t.TypeKind == TypeKind.Struct && !t.Name.StartsWith("__", StringComparison.Ordinal));
                Assert.True(records > result.Records * 9 / 10, $"{abi}: {records} of {result.Records} records");
            }

            // Measured in the CLR, judged by clang: every generated record's size, alignment and every member offset
            // and size, on each ABI, against the headers the set was imported from.
            using var pe = new System.IO.MemoryStream();
            var emit = output.Emit(pe);
            Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Take(10)));
            var context = new System.Runtime.Loader.AssemblyLoadContext("imported-set", isCollectible: true);
            try
            {
                pe.Position = 0;
                var asm = context.LoadFromStream(pe);
                var set = HeaderSet.ForXenDirectory(Fixture.SystemHeaders, Array.Empty<(string, string)>()).WithSpecHeaders(headers, defines);
                int checkedRecords = 0, checkedMembers = 0;
                var wrong = new System.Collections.Generic.List<string>();
                foreach (var target in EvtchnAbiGen.Core.Layout.AbiTarget.All)
                {
                    var types = asm.GetTypes().Where(t => t.Namespace == $"Xen.Public.{target.CSharpName}" && t.IsValueType && !t.IsNested && t.IsExplicitLayout).ToList();
                    var c = HeaderReader.Read(target, set, types.Select(t => t.Name).ToList(), Array.Empty<string>());
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
                Assert.True(checkedRecords > result.Records * 4 * 9 / 10, $"{checkedRecords} records measured");
                Assert.True(checkedMembers > checkedRecords * 2, $"{checkedMembers} members measured");
            }
            finally
            {
                context.Unload();
            }
        }
    }
}
