using System.Linq;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Layout;
using EvtchnAbiGen.Core.Spec;
using Xunit;

namespace EvtchnAbiGen.Core.Tests
{
    /// <summary>'ring' in the spec language: what it declares, where its errors land, and how XenAbi.txt selects it.
    /// (Its records' sizes, alignments and offsets are judged by clang against Xen's own DEFINE_RING_TYPES in
    /// LayoutTests' RingLayoutTests.)</summary>
    public class RingTests
    {
        private const string Types = "struct req { uint64_t id; }\nstruct rsp { int16_t status; }\n";

        private static LayoutResult Lay(string text, NameSelection? selection = null)
            => LayoutEngine.Run(new[] { Parser.Parse("r.abi", "namespace R;\n" + text) }, selection: selection);

        [Fact]
        public void Layout_json_names_the_ring_that_made_a_record_and_only_then()
        {
            var r = Lay(Types + "ring t(req, rsp);");
            Assert.False(r.HasErrors, string.Join("\n", r.Diagnostics));
            using var doc = System.Text.Json.JsonDocument.Parse(Emit.LayoutJsonWriter.Write(r.Abis));
            foreach (var abi in doc.RootElement.GetProperty("abis").EnumerateArray())
            {
                var rings = abi.GetProperty("structs").EnumerateArray()
                    .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.TryGetProperty("ring", out var v) ? v.GetString() : null);
                Assert.Equal(6, rings.Count);
                Assert.Null(rings["req"]);
                Assert.Null(rings["rsp"]);
                foreach (var name in RingTypes.Records("t")) Assert.Equal("t", rings[name]);
            }
        }

        [Fact]
        public void A_ring_declares_the_four_records_and_three_typedefs_of_DEFINE_RING_TYPES_in_its_order()
        {
            var file = Parser.Parse("r.abi", "namespace R;\n" + Types + "/// The test ring.\nring t(req, rsp);");
            Assert.Empty(file.Diagnostics);
            Assert.Equal(new[] { "req", "rsp", "t_sring_entry", "t_sring", "t_front_ring", "t_back_ring", "t_sring_t", "t_front_ring_t", "t_back_ring_t" },
                file.DeclaredNames());
            // XenAbi.txt may name the ring itself; typedefs emit nothing and are not selectable.
            Assert.Equal(new[] { "req", "rsp", "t", "t_sring_entry", "t_sring", "t_front_ring", "t_back_ring" }, file.SelectableNames());
            var r = LayoutEngine.Run(new[] { file });
            Assert.False(r.HasErrors, string.Join("\n", r.Diagnostics));
            foreach (var abi in r.Abis)
            {
                Assert.Equal(new[] { "req", "rsp", "t_sring_entry", "t_sring", "t_front_ring", "t_back_ring" }, abi.Records.Select(x => x.Name));
                Assert.All(abi.Records.Skip(2), x => Assert.Equal("t", x.Ring));
                var page = abi.FindRecord("t_sring")!;
                Assert.Equal("The test ring.", page.Doc);
                Assert.Equal(new[] { "req_prod", "req_event", "rsp_prod", "rsp_event", "pvt", "__pad", "ring" }, page.Fields.Select(f => f.Name));
                Assert.All(page.Fields.Take(4), f => Assert.True(f.Flags.HasFlag(FieldFlags.Shared)));
                Assert.Equal(RingTypes.HeaderBytes, page.Fields.Single(f => f.Name == "ring").Offset);
                Assert.Equal(new[] { 1 }, page.Fields.Single(f => f.Name == "ring").Dimensions);
                Assert.True(abi.FindRecord("t_sring_entry")!.IsUnion);
                Assert.Equal("ptr", abi.FindRecord("t_front_ring")!.Fields.Single(f => f.Name == "sring").Type.CName);
            }
        }

        [Fact]
        public void Flexible_makes_the_slots_a_flexible_array()
        {
            var r = Lay(Types + "ring t(struct req, rsp) flexible;");
            Assert.False(r.HasErrors, string.Join("\n", r.Diagnostics));
            var page = r.Find("x86_64")!.FindRecord("t_sring")!;
            Assert.Equal(new[] { 0 }, page.Fields.Last().Dimensions);
            Assert.Equal(RingTypes.HeaderBytes, page.Size);
        }

        [Fact]
        public void An_unknown_request_type_is_eag0007_at_the_argument_with_a_did_you_mean()
        {
            var r = Lay(Types + "ring t(req,\n       rps);");
            var d = Assert.Single(r.Diagnostics, x => x.Id == DiagnosticIds.UnknownType);
            Assert.Contains("'rps'", d.Message);
            Assert.Contains("did you mean", d.Message);
            Assert.Equal((4, 7), (d.Location.Line, d.Location.Column));
        }

        [Fact]
        public void A_name_the_ring_would_declare_again_is_eag0006_at_the_ring()
        {
            var r = Lay(Types + "struct t_front_ring { uint32_t x; }\nring t(req, rsp);");
            var d = Assert.Single(r.Diagnostics, x => x.Id == DiagnosticIds.DuplicateDeclaration);
            Assert.Contains("ring 't' declares 't_front_ring', which is already declared at", d.Message);
            Assert.Equal((4, 5), (d.Location.Line, d.Location.Column));
        }

        [Theory]
        [InlineData("ring t(req);", "expected ','", 0, 10)]
        [InlineData("ring t(req, rsp) flex;", "unknown ring option 'flex'", 0, 17)]
        [InlineData("ring (req, rsp);", "expected the ring's name", 0, 5)]
        [InlineData("ring t(req, 3);", "expected the response type of the ring", 0, 12)]
        [InlineData("ring t req, rsp;", "expected '('", 0, 7)]
        public void Syntax_errors_are_located_and_say_what_a_ring_needs(string text, string message, int line, int column)
        {
            var file = Parser.Parse("r.abi", text + "\nstruct after { uint8_t a; }");
            var d = Assert.Single(file.Diagnostics);
            Assert.Equal(DiagnosticIds.Syntax, d.Id);
            Assert.Contains(message, d.Message);
            Assert.Equal((line, column), (d.Location.Line, d.Location.Column));
            // The parser recovers at the ';' and reads on.
            Assert.Contains(file.Items, i => i is RecordDecl { Name: "after" });
        }

        [Fact]
        public void A_ring_in_a_when_block_exists_on_those_abis_only()
        {
            var r = Lay(Types + "when x86 { ring t(req, rsp); }");
            Assert.False(r.HasErrors, string.Join("\n", r.Diagnostics));
            Assert.NotNull(r.Find("x86_32")!.FindRecord("t_sring"));
            Assert.Null(r.Find("arm64")!.FindRecord("t_sring"));
        }

        [Fact]
        public void The_rings_name_selects_its_four_records_and_what_they_use_from_an_on_demand_file()
        {
            var files = new[] { Parser.Parse("rings.abi", "on_demand;\nnamespace R;\n" + Types + "struct other { uint8_t b; }\nring t(req, rsp);\nring u(other, other);") };
            var selection = NameSelection.Parse("XenAbi.txt", "t\n");
            var r = LayoutEngine.Run(files, selection: selection);
            Assert.False(r.HasErrors, string.Join("\n", r.Diagnostics));
            var chosen = selection.Apply(r.Find("arm32")!);
            Assert.Equal(new[] { "req", "rsp", "t_sring_entry", "t_sring", "t_front_ring", "t_back_ring" }, chosen.Records.Select(x => x.Name));
            Assert.Empty(selection.UnknownNames(files));
        }
    }
}
