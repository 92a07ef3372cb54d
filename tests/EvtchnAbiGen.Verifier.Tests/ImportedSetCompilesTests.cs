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
    /// <summary>The generator's C# for the whole imported public ABI (every header, all four ABIs) compiles with no
    /// warning, and emits every imported record on each ABI where it exists.</summary>
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
            var headers = HeaderImporter.AllHeaders(Fixture.SystemHeaders, Array.Empty<string>());
            var result = HeaderImporter.Import(new ImportOptions(Fixture.SystemHeaders, headers, Array.Empty<string>()));
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
        }
    }
}
