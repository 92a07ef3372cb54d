using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace EvtchnAbiGen.Generator.Tests
{
    public class GeneratorOutputTests
    {
        private static (Compilation output, GeneratorRunResult run, IReadOnlyList<Diagnostic> diags) Run(
            IEnumerable<AdditionalText> specs, IDictionary<string, string>? options = null, params string[] sources)
        {
            var compilation = GeneratorHarness.Compilation(sources.Length == 0 ? new[] { "class Empty { }" } : sources);
            var driver = GeneratorHarness.Driver(specs, options)
                .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
            return (output, driver.GetRunResult().Results.Single(), diagnostics);
        }

        [Fact]
        public void Builtin_specs_generate_code_that_compiles_without_warnings()
        {
            var (output, run, diags) = Run(GeneratorHarness.BuiltInSpecs());
            Assert.Null(run.Exception);
            Assert.DoesNotContain(diags, d => d.Severity >= DiagnosticSeverity.Warning);
            var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
            Assert.Equal(6, run.GeneratedSources.Length);   // four ABIs, the shared helper types, the attributes
        }

        [Fact]
        public void Consumer_code_uses_the_generated_types()
        {
            const string consumer = @"
using Xen.Evtchn.X86_64;
static class Use
{
    public static ulong Pending(ref shared_info s, int w) => s.evtchn_pending[w];
    public static int Queues => Constants.EVTCHN_FIFO_MAX_QUEUES;
    public static uint Link(uint word) => event_word_t.GetLINK(word);
    public static ushort Dom(ref evtchn_status st) => st.u.interdomain.dom;
    public static int Members => AbiManifest.Find(""shared_info"")!.Fields.Count;
}";
            var (output, _, _) = Run(GeneratorHarness.BuiltInSpecs(), null, consumer);
            var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }

        [Fact]
        public void Options_select_visibility_and_abis()
        {
            var (_, run, _) = Run(GeneratorHarness.BuiltInSpecs(), new Dictionary<string, string>
            {
                ["build_property.EvtchnAbiGenVisibility"] = "internal",
                ["build_property.EvtchnAbiGenAbis"] = "arm32",
            });
            var src = Assert.Single(run.GeneratedSources, g => g.HintName != "EvtchnAbiGen.Attributes.g.cs" && g.HintName != "Xen.Evtchn.Shared.g.cs");
            Assert.Equal("Xen.Evtchn.Arm32.g.cs", src.HintName);
            var shared = Assert.Single(run.GeneratedSources, g => g.HintName == "Xen.Evtchn.Shared.g.cs").SourceText.ToString();
            Assert.Contains("internal struct SharedU32", shared);   // the helper types follow the visibility option too
            Assert.Contains("internal partial struct shared_info", src.SourceText.ToString());
            Assert.DoesNotContain("public partial struct", src.SourceText.ToString());
        }

        [Fact]
        public void Bad_spec_reports_located_diagnostics_and_emits_no_types()
        {
            var bad = new InMemoryAdditionalText("/specs/bad.abi", "namespace Bad;\nstruct s {\n    uint8_t a;\n    nope_t b;\n}\n");
            var (_, run, diags) = Run(new AdditionalText[] { bad });
            Assert.Null(run.Exception);
            var d = Assert.Single(diags, x => x.Severity == DiagnosticSeverity.Error);
            Assert.Equal("EAG0004", d.Id);
            var span = d.Location.GetLineSpan();
            Assert.Equal("/specs/bad.abi", span.Path);
            Assert.Equal(3, span.StartLinePosition.Line);      // 0-based: line 4
            Assert.Equal(4, span.StartLinePosition.Character); // 0-based: column 5
            Assert.Contains("nope_t", d.GetMessage());
            Assert.Single(run.GeneratedSources); // only the attribute file
        }

        [Fact]
        public void Garbage_inputs_never_throw_from_the_generator()
        {
            var rng = new Random(7);
            var junk = new List<AdditionalText>
            {
                new InMemoryAdditionalText("/e/empty.abi", ""),
                new InMemoryAdditionalText("/e/bin.abi", new string(Enumerable.Range(0, 2000).Select(_ => (char)rng.Next(0, 0x2FF)).ToArray())),
                new InMemoryAdditionalText("/e/deep.abi", "namespace X;\nconst A = " + new string('(', 50000) + "1;"),
                new InMemoryAdditionalText("/e/huge.abi", "namespace X;\nstruct s { uint64_t a[1 << 62]; }"),
                new InMemoryAdditionalText("/e/cycle.abi", "namespace X;\nconst A = B;\nconst B = A;"),
                new InMemoryAdditionalText("/e/readme.txt", "not a spec"),
            };
            var (_, run, diags) = Run(junk);
            Assert.Null(run.Exception);
            Assert.Contains(diags, d => d.Id == "EAG0001");
            Assert.Contains(diags, d => d.Id == "EAG0002");
            Assert.Contains(diags, d => d.Id == "EAG0003");
            Assert.Contains(diags, d => d.Id == "EAG0011" || d.Id == "EAG0009");
            Assert.Contains(diags, d => d.Id == "EAG0008");
            Assert.DoesNotContain(diags, d => d.Id == "EAG0099");
        }

        [Fact]
        public void Fresh_drivers_emit_the_same_sources_whatever_the_spec_order()
        {
            // Replaces a timing test whose assertion could not fail: timing belongs in a benchmark.
            var specs = GeneratorHarness.BuiltInSpecs();
            var compilation = GeneratorHarness.Compilation("class A { }");
            string[] Emit(IEnumerable<AdditionalText> inputs)
            {
                var run = GeneratorHarness.Driver(inputs).RunGenerators(compilation).GetRunResult().Results.Single();
                Assert.Null(run.Exception);
                return run.GeneratedSources.OrderBy(g => g.HintName, StringComparer.Ordinal)
                    .Select(g => g.HintName + "\n" + g.SourceText).ToArray();
            }
            var first = Emit(specs);
            Assert.Equal(6, first.Length);
            Assert.Equal(first, Emit(specs));
            Assert.Equal(first, Emit(specs.Reverse()));
        }
    }
}
