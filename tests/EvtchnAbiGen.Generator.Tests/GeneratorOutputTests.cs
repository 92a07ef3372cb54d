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
        public void Bitfields_of_every_shape_compile_without_warnings_even_with_overflow_checks()
        {
            // Every ABI: signed and unsigned, 64-bit and ulong, runs over several pieces, unions, anonymous and
            // named inline records, arrays of records with bitfields, keyword names; used from consumer code.
            const string spec = @"namespace Bits;
struct a {
    uint8_t kind;
    uint8_t lo : 3;
    uint32_t hi : 20;
    uint64_t wide : 60;
    int64_t neg : 63;
    ulong l : 17;
    uint32_t : 0;
    int8_t inn : 2;
    uint16_t a : 9 reserved;
    struct { uint8_t x : 1; uint16_t y : 15; } named;
    struct { uint8_t p : 4; uint32_t q : 28; } arr[2];
    union { uint32_t raw; struct { uint16_t f : 12; uint16_t g : 4; }; uint64_t h : 40; };
    int32_t in : 32;
}
union u { uint8_t b; uint64_t c : 33; int16_t d : 7; uint32_t : 0; }
";
            const string consumer = @"
static class UseBits
{
    public static ulong Go(ref Bits.X86_32.a s, ref Bits.Arm64.u u)
    {
        s.lo = 5; s.hi = 0xFFFFF; s.wide = 1UL << 59; s.neg = -3; s.inn = -1; s.@in = int.MinValue; s.named.y = 7; s.arr[1].q = 9; s.f = 1; u.c = 2;
        return s.hi + s.wide + (ulong)s.neg + s.named.y + s.arr[1].q + s.g + u.c + (ulong)u.d + Bits.X86_32.a.hi_Width;
    }
}";
            var compilation = GeneratorHarness.Compilation(consumer);
            compilation = compilation.WithOptions(compilation.Options.WithOverflowChecks(true));
            var driver = GeneratorHarness.Driver(new[] { new InMemoryAdditionalText("/bits/bits.abi", spec) })
                .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diags);
            Assert.Null(driver.GetRunResult().Results.Single().Exception);
            Assert.Equal(6, driver.GetRunResult().Results.Single().GeneratedSources.Length);
            Assert.DoesNotContain(diags, d => d.Severity >= DiagnosticSeverity.Warning);
            var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
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
