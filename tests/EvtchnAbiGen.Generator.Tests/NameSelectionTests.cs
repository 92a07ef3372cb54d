using System.Collections.Generic;
using System.Linq;
using EvtchnAbiGen.Core.Diagnostics;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EvtchnAbiGen.Generator.Tests
{
    /// <summary>XenAbi.txt, as CsWin32's NativeMethods.txt: only the names listed and what they use are emitted.</summary>
    public class NameSelectionTests
    {
        private static (Compilation output, GeneratorRunResult run, IReadOnlyList<Diagnostic> diags) Run(string xenAbiTxt)
        {
            var inputs = GeneratorHarness.BuiltInSpecs().Append(new InMemoryAdditionalText("/project/XenAbi.txt", xenAbiTxt)).ToList();
            var compilation = GeneratorHarness.Compilation("class Empty { }");
            var driver = GeneratorHarness.Driver(inputs, new Dictionary<string, string> { ["build_property.EvtchnAbiGenAbis"] = "x86_64" })
                .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
            return (output, driver.GetRunResult().Results.Single(), diagnostics);
        }

        private static IReadOnlyList<string> Types(Compilation output, string ns)
            => output.GetSymbolsWithName(_ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>()
                .Where(t => t.ContainingType == null && t.ContainingNamespace.ToDisplayString() == ns).Select(t => t.Name).OrderBy(n => n, System.StringComparer.Ordinal).ToList();

        [Fact]
        public void Only_the_listed_records_and_constants_and_what_they_use_are_emitted()
        {
            var (output, run, diags) = Run("// what a FIFO backend needs\nevtchn_fifo_control_block\nshared_info   # and its vcpu_info\nEVTCHNOP_send\n");
            Assert.Null(run.Exception);
            Assert.DoesNotContain(diags, d => d.Severity >= DiagnosticSeverity.Warning);
            var errors = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
            var types = Types(output, "Xen.Evtchn.X86_64").Where(n => !n.StartsWith("__")).ToList();
            // shared_info pulls in what its fields use (xen-2l.abi): vcpu_info, arch_vcpu_info, vcpu_time_info, arch_shared_info.
            Assert.Equal(new[] { "AbiManifest", "Constants", "arch_shared_info", "arch_vcpu_info", "evtchn_fifo_control_block", "shared_info", "vcpu_info", "vcpu_time_info" }, types);
            var constants = output.GetTypeByMetadataName("Xen.Evtchn.X86_64.Constants")!.GetMembers().OfType<IFieldSymbol>().Select(f => f.Name).ToList();
            Assert.Equal(new[] { "EVTCHNOP_send" }, constants);
        }

        [Fact]
        public void A_spec_group_or_a_prefix_selects_every_declaration_it_names()
        {
            var (output, _, diags) = Run("xen-fifo\nEVTCHNOP_*\n");
            Assert.DoesNotContain(diags, d => d.Severity >= DiagnosticSeverity.Warning);
            var types = Types(output, "Xen.Evtchn.X86_64");
            Assert.Contains("evtchn_fifo_control_block", types);
            Assert.Contains("event_word_t", types);
            Assert.DoesNotContain("shared_info", types);
            var constants = output.GetTypeByMetadataName("Xen.Evtchn.X86_64.Constants")!.GetMembers().OfType<IFieldSymbol>().Select(f => f.Name).ToList();
            Assert.Contains("EVTCHN_FIFO_NR_CHANNELS", constants);   // xen-fifo.abi's
            Assert.Contains("EVTCHNOP_bind_virq", constants);       // EVTCHNOP_*
            Assert.DoesNotContain("EVTCHN_2L_NR_CHANNELS", constants);
        }

        [Fact]
        public void An_unknown_name_is_a_located_warning_with_a_did_you_mean()
        {
            var (_, _, diags) = Run("shared_info\n  evtchn_fifo_controlblock\n");
            var d = Assert.Single(diags, x => x.Id == DiagnosticIds.UnknownSelectedName);
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
            var span = d.Location.GetLineSpan();
            Assert.EndsWith("XenAbi.txt", span.Path);
            Assert.Equal(1, span.StartLinePosition.Line);        // 0-based: line 2
            Assert.Equal(2, span.StartLinePosition.Character);   // 0-based: column 3
            Assert.Contains("did you mean 'evtchn_fifo_control_block'", d.GetMessage());
        }
    }
}
