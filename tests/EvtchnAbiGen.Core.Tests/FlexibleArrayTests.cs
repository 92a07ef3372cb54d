using System.Linq;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Layout;
using EvtchnAbiGen.Core.Spec;
using Xunit;

namespace EvtchnAbiGen.Core.Tests
{
    /// <summary>Flexible array members in the spec language: only as a record's last member, with one dimension;
    /// anything else is a located EAG error. (Their layouts are judged by clang in LayoutTests.)</summary>
    public class FlexibleArrayTests
    {
        private static LayoutResult Lay(string text) => LayoutEngine.Run(new[] { Parser.Parse("f.abi", "namespace F;\n" + text) });

        [Theory]
        [InlineData("struct s { uint8_t a[]; uint32_t b; }", "a", 2)]
        [InlineData("struct s { uint32_t b; uint8_t a[0][4]; }", "a", 3)]
        [InlineData("struct s { uint32_t b; uint8_t a[4][]; }", "a", 3)]
        public void A_flexible_array_anywhere_but_last_and_one_dimensional_is_a_located_error(string spec, string field, int line)   // line: 1-based
        {
            var r = Lay(spec.Replace("; ", ";\n"));
            var d = Assert.Single(r.Diagnostics, x => x.Id == DiagnosticIds.BadArrayLength);
            Assert.Equal(SpecSeverity.Error, d.Severity);
            Assert.Contains($"'{field}'", d.Message);
            Assert.Contains("only the last member of a record may be a flexible array", d.Message);
            Assert.Equal(line - 1, d.Location.Line);
        }

        [Fact]
        public void A_last_length_that_computes_to_zero_is_still_an_error_not_a_flexible_array()
        {
            var r = Lay("struct s {\n    xen_ulong_t word;\n    uint8_t pad[8 - sizeof(xen_ulong_t)];\n}\nwhen x86 { typedef xen_ulong_t = ulong; } else { typedef xen_ulong_t = uint64_t; }");
            var d = Assert.Single(r.Diagnostics, x => x.Id == DiagnosticIds.BadArrayLength);
            Assert.Contains("'pad' is 0", d.Message);
        }

        [Fact]
        public void A_flexible_bitmap_is_an_error_naming_the_field()
        {
            var r = Lay("struct s { uint32_t n; uint64_t bits[] bitmap; }");
            var d = Assert.Single(r.Diagnostics, x => x.Id == DiagnosticIds.BadAttribute);
            Assert.Contains("'bits' is a flexible array", d.Message);
        }

        [Fact]
        public void The_bracket_forms_lay_out_alike_and_the_array_is_a_zero_size_member()
        {
            var a = Lay("struct s { uint16_t n; uint32_t x[]; }").Find("x86_64")!.FindRecord("s")!;
            var b = Lay("struct s { uint16_t n; uint32_t x[0]; }").Find("x86_64")!.FindRecord("s")!;
            Assert.Equal(a.Size, b.Size);
            Assert.Equal(a.Fields.Select(f => (f.Name, f.Offset, f.Size)), b.Fields.Select(f => (f.Name, f.Offset, f.Size)));
            var x = a.Fields.Single(f => f.Name == "x");
            Assert.Equal(0, x.Size);
            Assert.Equal(0, x.ElementCount);
        }
    }
}
