using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Emit;
using EvtchnAbiGen.Core.Layout;
using EvtchnAbiGen.Core.Util;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace EvtchnAbiGen.Generator.Tests
{
    /// <summary>The newer spec diagnostics on their exact spans, and .globalconfig severities applied to them.</summary>
    public class SpecDiagnosticTests
    {
        private static DiagnosticResult Result(DiagnosticInfo info, DiagnosticSeverity? severity = null)
            => new DiagnosticResult(info.Id, severity ?? Descriptors.ToRoslyn(info.DefaultSeverity));

        [Fact]
        public async Task A_selector_that_matches_only_ignoring_case_is_an_error_that_names_the_selector()
        {
            var test = RoslynTestingTests.NewTest();
            test.TestState.AdditionalFiles.Add(("w.abi", "namespace W;\nstruct s {\n    when X86_64 { uint32_t a; }\n    uint8_t b;\n}\n"));
            test.ExpectedDiagnostics.Add(Result(DiagnosticCatalog.UnknownSelector).WithSpan("w.abi", 3, 10, 3, 16)
                .WithArguments("ABI selector 'X86_64' matches no ABI: selectors are case-sensitive; write 'x86_64'"));
            await test.RunAsync();
        }

        [Fact]
        public async Task A_member_whose_offset_or_size_differs_between_abis_is_an_info_with_each_abis_numbers()
        {
            var test = RoslynTestingTests.NewTest();
            test.TestState.AdditionalFiles.Add(("d.abi", "namespace D;\nstruct s {\n    ulong word;\n    uint8_t flag;\n}\n"));
            test.ExpectedDiagnostics.Add(Result(DiagnosticCatalog.AbiDivergence).WithSpan("d.abi", 3, 11, 3, 15)
                .WithArguments("word", "struct", "s", "offset 0 size 4 on x86_32/arm32; offset 0 size 8 on x86_64/arm64"));
            test.ExpectedDiagnostics.Add(Result(DiagnosticCatalog.AbiDivergence).WithSpan("d.abi", 4, 13, 4, 17)
                .WithArguments("flag", "struct", "s", "offset 4 size 1 on x86_32/arm32; offset 8 size 1 on x86_64/arm64"));
            test.ExpectedDiagnostics.Add(Result(DiagnosticCatalog.ImplicitPadding).WithSpan("d.abi", 2, 8, 2, 9)
                .WithArguments("struct", "s", "3 byte(s) at offset 5 on x86_32/arm32; 7 byte(s) at offset 9 on x86_64/arm64"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Unknown_option_values_are_warnings_that_list_the_valid_ones_and_the_known_entries_still_apply()
        {
            var test = RoslynTestingTests.NewTest();
            test.TestState.AdditionalFiles.Add(("o.abi", "namespace O;\nstruct pair { uint32_t a; uint32_t b; }\n"));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig",
                "is_global = true\nbuild_property.EvtchnAbiGenVisibility = protected\nbuild_property.EvtchnAbiGenAbis = arm64,sparc64\n"));
            test.TestState.Sources.Add("static class Use { public static int N => O.Arm64.pair.NativeSize; }");
            test.ExpectedDiagnostics.Add(Result(DiagnosticCatalog.BadOption).WithArguments("protected", "EvtchnAbiGenVisibility", "public, internal"));
            test.ExpectedDiagnostics.Add(Result(DiagnosticCatalog.BadOption).WithArguments("sparc64", "EvtchnAbiGenAbis", "x86_32, x86_64, arm32, arm64"));
            await test.RunAsync();
        }

        [Theory]
        [InlineData("error", DiagnosticSeverity.Error)]
        [InlineData("warning", DiagnosticSeverity.Warning)]
        [InlineData("none", null)]
        public async Task A_globalconfig_severity_applies_to_spec_diagnostics(string setting, DiagnosticSeverity? expected)
        {
            var test = RoslynTestingTests.NewTest();
            test.TestState.AdditionalFiles.Add(("p.abi", "namespace P;\nstruct probe { uint8_t a; uint32_t b; }\n"));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\ndotnet_diagnostic.EAG0018.severity = {setting}\n"));
            if (expected != null)
                test.ExpectedDiagnostics.Add(Result(DiagnosticCatalog.ImplicitPadding, expected).WithSpan("p.abi", 2, 8, 2, 13)
                    .WithArguments("struct", "probe", "3 byte(s) at offset 1 on every ABI"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Specs_in_two_namespaces_each_get_their_own_types_and_no_conflict()
        {
            // A consumer's own spec (namespace My.Abi;) beside a second spec set: each is laid out alone.
            var test = RoslynTestingTests.NewTest();
            test.TestState.AdditionalFiles.Add(("a.abi", "namespace Xen.Evtchn;\nstruct pair { uint32_t a; uint32_t b; }\n"));
            test.TestState.AdditionalFiles.Add(("mine.abi", "namespace My.Abi;\nstruct ring { uint64_t head; uint32_t tail; uint32_t pad; }\n"));
            test.TestState.Sources.Add("static class Use { public static int N => Xen.Evtchn.X86_64.pair.NativeSize + My.Abi.X86_32.ring.NativeSize; }");
            await test.RunAsync();
        }

        [Fact]
        public void An_exception_while_emitting_is_eag0099_and_no_half_written_file()
        {
            // A model the layout engine never makes (an inline member without its layout) makes the emitter throw.
            var broken = new FieldLayout("x", 0, 4, 4, new FieldType(FieldTypeKind.InlineRecord, "x", 4, false, null, null),
                EquatableArray<int>.Empty, default, SpecLocation.None("b.abi"), null);
            var record = new RecordLayout("r", false, 4, 4, new[] { broken }.ToEquatableArray(), EquatableArray<PaddingGap>.Empty,
                SpecLocation.None("b.abi"), null, false);
            var abi = new AbiLayout(AbiTarget.X86_64, "B", new[] { record }.ToEquatableArray(), EquatableArray<ConstantValue>.Empty,
                EquatableArray<WordLayout>.Empty);
            var model = new SpecSetModel(new[] { new NamespaceSet(new[] { abi }.ToEquatableArray(), EquatableArray<PortableRecord>.Empty) }.ToEquatableArray(),
                EquatableArray<SpecDiagnostic>.Empty, NameSelection.Everything);
            var options = new OptionsResult(GeneratorOptions.Default, EquatableArray<SpecDiagnostic>.Empty);
            var result = EvtchnAbiGenerator.EmitSafely(model, options, CancellationToken.None);
            // The ABI's file is dropped whole; the shared helper types do not depend on it and are complete.
            Assert.Equal(new[] { "B.Shared.g.cs" }, result.Files.Select(f => f.HintName).ToArray());
            var d = Assert.Single(result.Diagnostics);
            Assert.Equal(DiagnosticIds.InternalError, d.Id);
            Assert.Equal("emitting the x86_64 types", d.Arguments[0]);
            Assert.StartsWith("EvtchnAbiGen failed while emitting the x86_64 types (NullReferenceException", d.Message);
        }
    }
}
