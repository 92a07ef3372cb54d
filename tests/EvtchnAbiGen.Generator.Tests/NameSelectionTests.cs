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
        private static (Compilation output, GeneratorRunResult run, IReadOnlyList<Diagnostic> diags) Run(string xenAbiTxt) => Run(xenAbiTxt, GeneratorHarness.BuiltInSpecs());

        private static (Compilation output, GeneratorRunResult run, IReadOnlyList<Diagnostic> diags) Run(string? xenAbiTxt, IEnumerable<AdditionalText> specs)
        {
            var inputs = xenAbiTxt == null ? specs.ToList() : specs.Append(new InMemoryAdditionalText("/project/XenAbi.txt", xenAbiTxt)).ToList();
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

        [Fact]
        public void Without_XenAbi_txt_the_shipped_set_emits_the_event_channel_records_and_nothing_on_demand()
        {
            var (output, run, diags) = Run(null, GeneratorHarness.ShippedSpecs());
            Assert.Null(run.Exception);
            Assert.DoesNotContain(diags, d => d.Severity >= DiagnosticSeverity.Warning);
            var types = Types(output, "Xen.Evtchn.X86_64").Where(n => !n.StartsWith("__")).ToList();
            var curated = Types(Run(null, GeneratorHarness.BuiltInSpecs()).output, "Xen.Evtchn.X86_64").Where(n => !n.StartsWith("__")).ToList();
            Assert.Equal(curated, types);   // exactly today's event-channel set
            Assert.Contains("shared_info", types);
            Assert.DoesNotContain("grant_entry_v1", types);
        }

        [Fact]
        public void A_ten_name_selection_from_the_whole_public_set_emits_those_and_what_they_use_only()
        {
            const string txt = "grant_entry_v1\ngrant_entry_v2\ngnttab_map_grant_ref\nnetif_tx_request\nnetif_rx_response\nblkif_request\n" +
                               "xenstore_domain_interface\nxencons_interface\nioreq\nvcpu_runstate_info\n";
            var (output, run, diags) = Run(txt, GeneratorHarness.ShippedSpecs());
            Assert.Null(run.Exception);
            Assert.DoesNotContain(diags, d => d.Severity >= DiagnosticSeverity.Warning);
            var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems.Take(10)));
            var types = Types(output, "Xen.Evtchn.X86_64").Where(n => !n.StartsWith("__") && n != "AbiManifest" && n != "Constants").ToList();
            foreach (var n in txt.Split('\n', System.StringSplitOptions.RemoveEmptyEntries)) Assert.Contains(n, types);
            Assert.Contains("grant_entry_header", types);    // grant_entry_v2's union members
            Assert.Contains("blkif_request_segment", types); // blkif_request's segments
            Assert.True(types.Count < 20, $"{types.Count} types for 10 names: {string.Join(", ", types)}");
            Assert.DoesNotContain("shared_info", types);
        }

        [Fact]
        public void A_header_group_selects_the_records_imported_from_that_header()
        {
            var (output, _, diags) = Run("grant_table\n", GeneratorHarness.ShippedSpecs());
            Assert.DoesNotContain(diags, d => d.Severity >= DiagnosticSeverity.Warning);
            var types = Types(output, "Xen.Evtchn.X86_64");
            Assert.Contains("gnttab_setup_table", types);
            Assert.Contains("grant_entry_v1", types);
            Assert.DoesNotContain("netif_tx_request", types);
            var constants = output.GetTypeByMetadataName("Xen.Evtchn.X86_64.Constants")!.GetMembers().OfType<IFieldSymbol>().Select(f => f.Name).ToList();
            Assert.Contains("GNTTABOP_map_grant_ref", constants);
        }

        /// <summary>Layout with a selection skips the on_demand declarations nothing asks for: what it then emits must be
        /// exactly what a full layout cut down by the same selection gives, records (every field), constants and words.</summary>
        [Theory]
        [InlineData(null)]
        [InlineData("*")]
        [InlineData("grant_entry_v1\ngrant_entry_v2\ngnttab_map_grant_ref\nnetif_tx_request\nnetif_rx_response\nblkif_request\nxenstore_domain_interface\nxencons_interface\nioreq\nvcpu_runstate_info")]
        [InlineData("grant_table\nEVTCHNOP_*\nxen-fifo\nshared_info")]
        [InlineData("blkif\nXENMEM_*\nHVM_PARAM_*")]
        public void Laying_out_only_what_is_selected_emits_what_a_full_layout_cut_down_would(string? txt)
        {
            var files = GeneratorHarness.ShippedSpecs().Select(t => Core.Spec.Parser.Parse(t.Path, t.GetText()!.ToString())).ToList();
            var selection = txt == null ? Core.Layout.NameSelection.Everything : Core.Layout.NameSelection.Parse("/p/XenAbi.txt", txt);
            var full = Core.Layout.LayoutEngine.RunByNamespace(files).Single();
            var lazy = Core.Layout.LayoutEngine.RunByNamespace(files, selection: selection).Single();
            Assert.False(lazy.HasErrors);
            foreach (var abi in full.Abis)
            {
                var expected = selection.Apply(abi);
                var lazyAbi = lazy.Find(abi.Target.Name)!;
                var actual = selection.Apply(lazyAbi);
                Assert.Equal(expected.Records.Select(r => r.Name), actual.Records.Select(r => r.Name));
                Assert.Equal(expected.Records, actual.Records);
                Assert.Equal(expected.Constants, actual.Constants);
                Assert.Equal(expected.Words, actual.Words);
                Assert.Equal(expected.Enums, actual.Enums);
                Assert.True(expected.Records.Count > 0);
                // And it did skip: everything laid out is emitted or used by what is, give or take records named in sizeof.
                if (txt != "*") Assert.True(lazyAbi.Records.Count < full.Find(abi.Target.Name)!.Records.Count / 2,
                    $"{lazyAbi.Records.Count} of {full.Find(abi.Target.Name)!.Records.Count} records laid out for {expected.Records.Count} emitted");
            }
        }

        [Fact]
        public void A_selected_record_of_an_on_demand_file_brings_the_words_records_and_typedefs_it_uses_and_nothing_else()
        {
            const string lib = "namespace L; on_demand;\nconst N = 3;\ntypedef t = uint16_t;\nword w : uint32_t shared { A = 0; B = 1 .. 4; }\n" +
                               "word unused_w : uint8_t { X = 0; }\nstruct inner { t a; }\nstruct outer { w flags; inner items[N]; }\nstruct other { uint8_t b; }\n";
            var files = new[] { Core.Spec.Parser.Parse("/lib/l.abi", lib) };
            var selection = Core.Layout.NameSelection.Parse("/p/XenAbi.txt", "outer\n");
            var lazy = Core.Layout.LayoutEngine.RunByNamespace(files, selection: selection).Single();
            Assert.DoesNotContain(lazy.Diagnostics, d => d.Severity == SpecSeverity.Error);
            foreach (var abi in lazy.Abis)
            {
                Assert.Equal(new[] { "inner", "outer" }, abi.Records.Select(r => r.Name));
                Assert.Equal(new[] { "w" }, abi.Words.Select(w => w.Name));
                Assert.Empty(abi.Constants);
                Assert.Equal(12 /* w: 4, inner[3]: 6, padded to 4 */, abi.FindRecord("outer")!.Size);
                var emitted = selection.Apply(abi);
                Assert.Equal(abi.Records, emitted.Records);
                Assert.Equal(abi.Words, emitted.Words);
            }
            Assert.Equal(4 * 3, lazy.Abis.Sum(a => a.Records.Count + a.Words.Count));
            var everything = Core.Layout.LayoutEngine.RunByNamespace(files, selection: Core.Layout.NameSelection.Everything).Single();
            Assert.All(everything.Abis, a => Assert.Empty(a.Records));
        }

        [Fact]
        public void An_enum_is_selected_by_its_name_or_an_enumerators_and_comes_with_the_records_that_use_it()
        {
            var (output, run, diags) = Run("XenbusStateConnected\nxsd_sockmsg\n", GeneratorHarness.ShippedSpecs());
            Assert.Null(run.Exception);
            Assert.DoesNotContain(diags, d => d.Severity >= DiagnosticSeverity.Warning);
            var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems.Take(10)));
            var state = output.GetTypeByMetadataName("Xen.Evtchn.X86_64.xenbus_state")!;
            Assert.Equal(TypeKind.Enum, state.TypeKind);
            Assert.Equal(SpecialType.System_UInt32, state.EnumUnderlyingType!.SpecialType);
            var connected = state.GetMembers("XenbusStateConnected").OfType<IFieldSymbol>().Single();
            Assert.Equal(4u, connected.ConstantValue);   // io/xenbus.h
            Assert.NotNull(output.GetTypeByMetadataName("Xen.Evtchn.X86_64.xsd_sockmsg"));
            Assert.Null(output.GetTypeByMetadataName("Xen.Evtchn.X86_64.xsd_sockmsg_type"));   // the record does not use it
        }

        /// <summary>A ring's name (DEFINE_RING_TYPES's first argument) brings its four records and their requests and
        /// responses; the indices on its shared page are atomic wrappers.</summary>
        [Fact]
        public void A_ring_is_selected_by_its_name_with_its_requests_and_responses()
        {
            var (output, run, diags) = Run("netif_tx\n", GeneratorHarness.ShippedSpecs());
            Assert.Null(run.Exception);
            Assert.DoesNotContain(diags, d => d.Severity >= DiagnosticSeverity.Warning);
            var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems.Take(10)));
            foreach (var name in new[] { "netif_tx_sring_entry", "netif_tx_sring", "netif_tx_front_ring", "netif_tx_back_ring", "netif_tx_request", "netif_tx_response" })
                Assert.True(output.GetTypeByMetadataName("Xen.Evtchn.X86_64." + name) != null, name + " was not generated");
            Assert.Null(output.GetTypeByMetadataName("Xen.Evtchn.X86_64.netif_rx_sring"));   // the other ring of netif.h
            var reqProd = output.GetTypeByMetadataName("Xen.Evtchn.X86_64.netif_tx_sring")!.GetMembers("req_prod").OfType<IFieldSymbol>().Single();
            Assert.Equal("SharedU32", reqProd.Type.Name);
        }
    }
}
