using System.Linq;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Emit;
using EvtchnAbiGen.Core.Layout;
using EvtchnAbiGen.Core.Spec;
using Xunit;

namespace EvtchnAbiGen.Core.Tests
{
    /// <summary>Bitfields in the model and the layout engine. The expected numbers are clang-14's
    /// (-fdump-record-layouts on i386-linux-gnu, x86_64-linux-gnu, armv7-linux-gnueabihf, aarch64-linux-gnu),
    /// typed in by hand; the LayoutTests check the generated code against clang itself.</summary>
    public class BitfieldTests
    {
        private const string BufIoreq = "namespace T;\nstruct buf_ioreq { uint8_t type; uint8_t pad : 1; uint8_t dir : 1; uint8_t size : 2; uint32_t addr : 20; uint32_t data; }";

        private static RecordLayout Record(string spec, string abi, string name)
        {
            var r = Specs.Layout(spec, AbiTarget.Find(abi)!);
            Assert.DoesNotContain(r.Diagnostics, d => d.Severity == SpecSeverity.Error);
            return r.Abis.Single().FindRecord(name)!;
        }

        private static FieldLayout Field(RecordLayout r, string name) => r.Fields.Single(f => f.Name == name);

        [Fact]
        public void The_width_is_part_of_the_field_model_and_compares_by_value()
        {
            var file = Parser.Parse("a.abi", "namespace T;\nstruct s { uint8_t a : 3; uint32_t : 0; uint16_t : 2 + 1; uint8_t b; }");
            Assert.False(file.HasErrors);
            var members = ((RecordDecl)file.Items.Single()).Members.Cast<FieldMember>().ToList();
            Assert.Equal(new[] { "a", null, null, "b" }, members.Select(m => m.Name).ToArray());
            Assert.Equal(new[] { true, true, true, false }, members.Select(m => m.IsBitfield).ToArray());
            Assert.Equal(3, ((IntLiteral)members[0].BitWidth!).Value);
            Assert.IsType<BinaryExpr>(members[2].BitWidth);
            Assert.Equal(file, Parser.Parse("a.abi", "namespace T;\nstruct s { uint8_t a : 3; uint32_t : 0; uint16_t : 2 + 1; uint8_t b; }"));
            Assert.NotEqual(file, Parser.Parse("a.abi", "namespace T;\nstruct s { uint8_t a : 4; uint32_t : 0; uint16_t : 2 + 1; uint8_t b; }"));
        }

        [Theory]
        [InlineData("x86_32")]
        [InlineData("x86_64")]
        [InlineData("arm32")]
        [InlineData("arm64")]
        public void Buf_ioreq_is_the_same_on_every_abi(string abi)
        {
            // clang: pad 1:0-0, dir 1:1-1, size 1:2-3, addr 1:4-23, data 4; sizeof 8, align 4.
            var r = Record(BufIoreq, abi, "buf_ioreq");
            Assert.Equal((8, 4), (r.Size, r.Align));
            Assert.Equal(new[] { 8, 9, 10, 12 }, new[] { "pad", "dir", "size", "addr" }.Select(n => Field(r, n).Bitfield!.RecordBitOffset).ToArray());
            Assert.Equal(4, Field(r, "data").Offset);
            var addr = Field(r, "addr").Bitfield!;
            // Its C storage unit is the uint32_t at 0 (which holds 'type' too); the run is bytes 1..3.
            Assert.Equal(new BitfieldLayout(0, 4, 12, 20, 1, 3), addr);
            Assert.Equal(new BitfieldLayout(1, 1, 2, 2, 1, 3), Field(r, "size").Bitfield);
            Assert.Equal(1, Field(r, "addr").Offset);   // the byte of its first bit, as libclang's offset / 8
            Assert.Equal(4, Field(r, "addr").Size);     // its declared type's size
            Assert.Empty(r.Padding);
        }

        [Theory]
        // struct { uint32_t a:30; uint64_t b:40; uint8_t c; }: b's bit, c's offset, size, align
        [InlineData("x86_32", 32, 9, 12, 4)]
        [InlineData("x86_64", 64, 13, 16, 8)]
        [InlineData("arm32", 64, 13, 16, 8)]
        [InlineData("arm64", 64, 13, 16, 8)]
        public void A_uint64_bitfield_that_would_straddle_moves_to_its_types_alignment(string abi, int b, int c, int size, int align)
        {
            var r = Record("namespace T;\nstruct p { uint32_t a : 30; uint64_t b : 40; uint8_t c; }", abi, "p");
            Assert.Equal(b, Field(r, "b").Bitfield!.RecordBitOffset);
            Assert.Equal(c, Field(r, "c").Offset);
            Assert.Equal((size, align), (r.Size, r.Align));
            // The unit is sizeof(uint64_t) bytes at a multiple of its alignment: 4-aligned on i386.
            Assert.Equal((b / 8, 8, 0), (Field(r, "b").Bitfield!.UnitOffset, Field(r, "b").Bitfield!.UnitSize, Field(r, "b").Bitfield!.BitOffset));
        }

        [Theory]
        // struct { uint8_t x[5]; uint64_t b:40; }: b stays at bit 40 on i386 (fits its 4-aligned unit), moves to 64 elsewhere
        [InlineData("x86_32", 40, 4, 8, 12)]
        [InlineData("x86_64", 64, 8, 0, 16)]
        [InlineData("arm64", 64, 8, 0, 16)]
        public void A_uint64_bitfield_may_cross_a_32_bit_boundary_in_a_4_aligned_unit_on_i386(string abi, int bit, int unit, int inUnit, int size)
        {
            var r = Record("namespace T;\nstruct p { uint8_t x[5]; uint64_t b : 40; }", abi, "p");
            var b = Field(r, "b").Bitfield!;
            Assert.Equal((bit, unit, inUnit, size), (b.RecordBitOffset, b.UnitOffset, b.BitOffset, r.Size));
        }

        [Theory]
        // struct { uint8_t x; uint32_t :3; uint8_t y; } and struct { uint8_t x; uint64_t :0; uint8_t y; }
        [InlineData("x86_32", 2, 3, 1, 4, 5, 1)]
        [InlineData("x86_64", 2, 3, 1, 8, 9, 1)]
        [InlineData("arm32", 2, 4, 4, 8, 16, 8)]
        [InlineData("arm64", 2, 4, 4, 8, 16, 8)]
        public void Unnamed_bitfields_pad_and_raise_the_alignment_only_on_arm(string abi, int y1, int size1, int align1, int y2, int size2, int align2)
        {
            var pad = Record("namespace T;\nstruct p { uint8_t x; uint32_t : 3; uint8_t y; }", abi, "p");
            Assert.Equal((y1, size1, align1), (Field(pad, "y").Offset, pad.Size, pad.Align));
            Assert.Equal(2, pad.Fields.Count);   // unnamed bitfields get no FieldLayout
            var zero = Record("namespace T;\nstruct p { uint8_t x; uint64_t : 0; uint8_t y; }", abi, "p");
            Assert.Equal((y2, size2, align2), (Field(zero, "y").Offset, zero.Size, zero.Align));
        }

        [Theory]
        // union { uint8_t a; uint64_t b:4; }, union { uint8_t a; uint32_t :0; }
        [InlineData("x86_32", 4, 4, 1, 1)]
        [InlineData("x86_64", 8, 8, 1, 1)]
        [InlineData("arm32", 8, 8, 4, 4)]
        public void Union_bitfields_sit_at_bit_0(string abi, int size1, int align1, int size2, int align2)
        {
            var u = Record("namespace T;\nunion p { uint8_t a; uint64_t b : 4; }", abi, "p");
            Assert.Equal((size1, align1, 0), (u.Size, u.Align, Field(u, "b").Bitfield!.RecordBitOffset));
            var z = Record("namespace T;\nunion p { uint8_t a; uint32_t : 0; }", abi, "p");
            Assert.Equal((size2, align2), (z.Size, z.Align));
        }

        [Fact]
        public void Bytes_of_unnamed_bitfields_are_not_implicit_padding()
        {
            var r = Record("namespace T;\nstruct p { uint8_t a : 3; uint32_t : 0; uint8_t b : 5; uint8_t : 8; uint8_t c; }", "x86_64", "p");
            // a in byte 0, bytes 1..3 skipped by ':0', b in byte 4, the unnamed 8 bits fill byte 5, c at 6.
            Assert.Equal(new[] { (1, 3) }, r.Padding.Select(p => (p.Offset, p.Length)).ToArray());
            Assert.Equal(6, Field(r, "c").Offset);
        }

        [Fact]
        public void A_run_ends_at_an_ordinary_member_or_a_zero_width_bitfield()
        {
            var r = Record("namespace T;\nstruct p { uint32_t a : 4; uint32_t b : 12; uint8_t x; uint16_t c : 3; uint16_t : 0; uint16_t d : 3; }", "x86_64", "p");
            Assert.Equal((0, 2), (Field(r, "a").Bitfield!.RunOffset, Field(r, "a").Bitfield!.RunSize));
            Assert.Equal((0, 2), (Field(r, "b").Bitfield!.RunOffset, Field(r, "b").Bitfield!.RunSize));
            Assert.Equal((3, 1), (Field(r, "c").Bitfield!.RunOffset, Field(r, "c").Bitfield!.RunSize));
            Assert.Equal((4, 1), (Field(r, "d").Bitfield!.RunOffset, Field(r, "d").Bitfield!.RunSize));
        }

        [Fact]
        public void Width_errors_name_the_abis_they_hold_on()
        {
            var d = Specs.Errors("namespace T;\nstruct s { ulong a : 40; }").Single();
            Assert.Equal(DiagnosticIds.BadBitWidth, d.Id);
            Assert.Equal("bitfield 'a' is 40 bits wide on x86_32/arm32; a bitfield of ulong holds at most 32 bits: widen the type or narrow the field", d.Message);
            var zero = Specs.Errors("namespace T;\nstruct s { uint8_t a : 0; }").Single();
            Assert.Contains("on every ABI", zero.Message);
            Assert.Contains("only an unnamed bitfield may be 0 bits wide", zero.Message);
            var type = Specs.Errors("namespace T;\nstruct s { uint8_t a : xen_ulong_t; }\ntypedef xen_ulong_t = ulong;").Single();
            Assert.Equal(DiagnosticIds.BitWidthNotConstant, type.Id);
            Assert.Contains("sizeof(xen_ulong_t) * 8", type.Message);
            var typo = Specs.Errors("namespace T;\nconst WIDTH = 3;\nstruct s { uint8_t a : WIDHT; }").Single();
            Assert.Contains("did you mean 'WIDTH'", typo.Message);
        }

        [Fact]
        public void Layout_reports_show_the_bits()
        {
            var abi = Specs.Layout(BufIoreq, AbiTarget.X86_64).Abis.Single();
            string json = LayoutJsonWriter.Write(new[] { abi });
            Assert.Contains("{\"name\":\"addr\",\"offset\":1,\"size\":4,\"bitOffset\":12,\"bitWidth\":20}", json);
            Assert.Contains("{\"name\":\"data\",\"offset\":4,\"size\":4}", json);
            Assert.Contains("addr  : uint32_t, bitfield :20, bits 12..31", LayoutTableWriter.Write(new[] { abi }));
        }
    }
}
