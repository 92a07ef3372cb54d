using System.Linq;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Layout;
using EvtchnAbiGen.Core.Spec;
using Xunit;

namespace EvtchnAbiGen.Core.Tests
{
    /// <summary>Enums in the spec language: C's values (previous + 1), enumerators usable as constants, and located
    /// errors. (Their sizes, alignments, values and bits are judged by clang in LayoutTests' EnumLayoutTests.)</summary>
    public class EnumTests
    {
        private static LayoutResult Lay(string text) => LayoutEngine.Run(new[] { Parser.Parse("e.abi", "namespace E;\n" + text) });

        [Fact]
        public void Enumerators_count_on_from_the_previous_value_and_are_constants_of_the_spec()
        {
            var r = Lay("enum state { A; B; C = 10; D, E = C * 2; F; }\nstruct s { uint8_t buf[F]; state st; }");
            Assert.False(r.HasErrors, string.Join("\n", r.Diagnostics));
            foreach (var abi in r.Abis)
            {
                var e = Assert.Single(abi.Enums);
                Assert.Equal(new[] { ("A", 0L), ("B", 1L), ("C", 10L), ("D", 11L), ("E", 20L), ("F", 21L) }, e.Members.Select(m => (m.Name, m.Value)));
                Assert.Equal((4, 4, false), (e.Size, e.Align, e.Signed));
                var s = abi.FindRecord("s")!;
                Assert.Equal(21, s.Fields[0].Size);
                Assert.Equal((24, 4), (s.Fields[1].Offset, s.Fields[1].Size));
                Assert.Equal("state", s.Fields[1].Type.EnumName);
                // Enumerators are the enum's, not separate constants of the Constants class.
                Assert.Empty(abi.Constants);
            }
        }

        [Fact]
        public void An_empty_enum_is_eag0026_at_its_name()
        {
            var r = Lay("struct s { uint8_t a; }\nenum nothing { }");
            var d = Assert.Single(r.Diagnostics, x => x.Id == DiagnosticIds.BadEnum);
            Assert.Equal(SpecSeverity.Error, d.Severity);
            Assert.Contains("enum nothing has no enumerators", d.Message);
            Assert.Equal((2, 5), (d.Location.Line, d.Location.Column));
        }

        [Fact]
        public void An_enumerator_that_repeats_a_name_is_eag0006_at_the_enumerator()
        {
            var r = Lay("const B = 3;\nenum e {\n    A;\n    B;\n}");
            var d = Assert.Single(r.Diagnostics, x => x.Id == DiagnosticIds.DuplicateDeclaration);
            Assert.Contains("'B' is already declared", d.Message);
            Assert.Equal((4, 4), (d.Location.Line, d.Location.Column));
        }

        [Fact]
        public void An_unknown_name_in_a_value_is_eag0007_at_the_name_with_a_did_you_mean()
        {
            var r = Lay("enum e {\n    FIRST = 1;\n    SECOND = FRIST + 1;\n}");
            var d = Assert.Single(r.Diagnostics, x => x.Id == DiagnosticIds.UnknownConstant);
            Assert.Contains("'FRIST'", d.Message);
            Assert.Contains("did you mean 'FIRST'", d.Message);
            Assert.Equal((3, 13), (d.Location.Line, d.Location.Column));
        }

        [Fact]
        public void A_value_past_64_bits_is_eag0009_at_the_implicit_enumerator()
        {
            var r = Lay("enum e {\n    MAX = 0x7fffffffffffffff;\n    PAST;\n}");
            var d = Assert.Single(r.Diagnostics, x => x.Id == DiagnosticIds.BadExpression);
            Assert.Contains("overflows", d.Message);
            Assert.Equal(3, d.Location.Line);
        }

        [Fact]
        public void A_missing_separator_is_a_located_syntax_error()
        {
            var f = Parser.Parse("e.abi", "enum e {\n    A = 1\n    B;\n}");
            var d = Assert.Single(f.Diagnostics, x => x.Id == DiagnosticIds.Syntax);
            Assert.Equal(2, d.Location.Line);
        }

        [Theory]
        [InlineData("enum e { A = -1; B = 5; }", 4, true)]
        [InlineData("enum e { A = 0xffffffff; }", 4, false)]
        [InlineData("enum e { A = 0x80000000; B = -1; }", 8, true)]
        [InlineData("enum e { A = 0x100000000; }", 8, false)]
        public void The_integer_type_is_Cs(string spec, int size, bool signed)
        {
            var r = Lay(spec);
            Assert.False(r.HasErrors, string.Join("\n", r.Diagnostics));
            Assert.All(r.Abis, a => Assert.Equal((size, signed), (a.Enums[0].Size, a.Enums[0].Signed)));
            // An 8-byte enum is aligned like every 8-byte integer: 4 in structs on x86_32.
            Assert.Equal(4, r.Find("x86_32")!.Enums[0].Align);
            Assert.Equal(size, r.Find("arm32")!.Enums[0].Align);
        }
    }
}
