using System.Linq;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Layout;
using Xunit;

namespace EvtchnAbiGen.Core.Tests
{
    /// <summary>C layout rules per ABI. Expected numbers are from the psABIs as measured with clang-14
    /// in shared/reference/dependencies.md §1d (the 'probe' struct) and xen-evtchn-abi.md, not from the engine.</summary>
    public class LayoutEngineTests
    {
        private const string Probe = "namespace T;\nstruct probe { uint8_t a; uint64_t b; uint16_t c; ptr p; long l; }";

        private static RecordLayout Record(string spec, AbiTarget t, string name = "probe")
        {
            var r = Specs.Layout(spec, t);
            Assert.DoesNotContain(r.Diagnostics, d => d.Severity == SpecSeverity.Error);
            return r.Abis.Single().FindRecord(name)!;
        }

        private static int Off(RecordLayout r, string f) => r.Fields.Single(x => x.Name == f).Offset;

        [Theory]
        // target, b, c, p, l, size, align (dependencies.md §1d, minus the trailing double)
        [InlineData("x86_32", 4, 12, 16, 20, 24, 4)]
        [InlineData("x86_64", 8, 16, 24, 32, 40, 8)]
        [InlineData("arm32", 8, 16, 20, 24, 32, 8)]
        [InlineData("arm64", 8, 16, 24, 32, 40, 8)]
        public void Probe_struct_follows_each_psabi(string abi, int b, int c, int p, int l, int size, int align)
        {
            var r = Record(Probe, AbiTarget.Find(abi)!);
            Assert.Equal(new[] { 0, b, c, p, l }, new[] { Off(r, "a"), Off(r, "b"), Off(r, "c"), Off(r, "p"), Off(r, "l") });
            Assert.Equal(size, r.Size);
            Assert.Equal(align, r.Align);
        }

        [Theory]
        [InlineData("x86_32", 4)]
        [InlineData("x86_64", 8)]
        [InlineData("arm32", 8)]
        public void Union_takes_largest_member_and_alignment(string abi, int align)
        {
            var r = Record("namespace T;\nunion probe { uint8_t a; uint64_t b; uint16_t c[5]; }", AbiTarget.Find(abi)!);
            Assert.True(r.IsUnion);
            Assert.All(r.Fields, f => Assert.Equal(0, f.Offset));
            Assert.Equal(align == 4 ? 12 : 16, r.Size);
            Assert.Equal(align, r.Align);
        }

        [Fact]
        public void Empty_struct_has_size_zero_as_in_gnu_c()
        {
            var r = Record("namespace T;\nstruct probe { }", AbiTarget.Arm64);
            Assert.Equal(0, r.Size);
            Assert.Equal(1, r.Align);
            var outer = Record("namespace T;\nstruct probe { }\nstruct o { uint8_t a; probe e; uint8_t b; }", AbiTarget.Arm64, "o");
            Assert.Equal(1, Off(outer, "e"));
            Assert.Equal(1, Off(outer, "b"));
            Assert.Equal(2, outer.Size);
        }

        [Fact]
        public void Anonymous_union_members_sit_in_the_parent_and_named_ones_nest()
        {
            var spec = "namespace T;\nstruct probe { uint16_t k; union { uint8_t x; uint32_t y; }; struct { uint8_t m; uint64_t n; } s; }";
            var r = Record(spec, AbiTarget.X86_32);
            var anon = r.Fields.Single(f => f.Name == null);
            Assert.Equal(4, anon.Offset);
            var s = r.Fields.Single(f => f.Name == "s");
            Assert.Equal(8, s.Offset);
            Assert.Equal(12, s.Size); // i386: n at 4
            Assert.Equal(20, r.Size);
            var paths = FieldPaths.Flatten(Specs.Layout(spec, AbiTarget.X86_32).Abis[0], r).Select(p => $"{p.Path}@{p.Offset}").ToArray();
            Assert.Equal(new[] { "k@0", "x@4", "y@4", "s@8", "s.m@8", "s.n@12" }, paths);
        }

        [Fact]
        public void Align_attribute_raises_alignment_and_padding_is_reported()
        {
            var r = Record("namespace T;\nstruct probe { uint8_t a; uint32_t b align(16); }", AbiTarget.X86_64);
            Assert.Equal(16, Off(r, "b"));
            Assert.Equal(32, r.Size);
            Assert.Equal(new[] { (1, 15), (20, 12) }, r.Padding.Select(p => (p.Offset, p.Length)).ToArray());
            var d = Specs.Layout("namespace T;\nstruct probe { uint8_t a; uint32_t b; }").Diagnostics.Single(x => x.Id == DiagnosticIds.ImplicitPadding);
            Assert.Equal(SpecSeverity.Info, d.Severity);
            Assert.Contains("3 byte(s) at offset 1", d.Message);
            Assert.Contains("3 byte(s) at offset 1 on every ABI", d.Message);
            Assert.Equal(new[] { "struct", "probe", "3 byte(s) at offset 1 on every ABI" }, d.Arguments.ToArray());
        }

        [Theory]
        [InlineData("x86_32", 4, 4, 1)]
        [InlineData("x86_64", 8, 8, 2)]
        [InlineData("arm32", 8, 4, 3)]
        [InlineData("arm64", 8, 8, 4)]
        public void Selectors_handles_and_longs_vary_per_abi(string abi, int handle, int ulongSize, int which)
        {
            var spec = "namespace T;\nstruct probe { handle<uint8_t> h; ulong u; }\n" +
                       "when x86_32 { const W = 1; } else when x86_64 { const W = 2; } else when ilp32 { const W = 3; } else { const W = 4; }";
            var r = Specs.Layout(spec, AbiTarget.Find(abi)!);
            var rec = r.Abis[0].FindRecord("probe")!;
            Assert.Equal(handle, rec.Fields[0].Size);
            Assert.Equal(ulongSize, rec.Fields[1].Size);
            Assert.Equal(which, r.Abis[0].FindConstant("W")!.Value);
        }

        [Fact]
        public void Builtin_specs_have_no_errors_or_warnings()
        {
            var r = LayoutEngine.Run(Specs.BuiltIn());
            Assert.DoesNotContain(r.Diagnostics, d => d.Severity != SpecSeverity.Info);
            Assert.Equal("Xen.Evtchn", r.Namespace);
            Assert.Equal(4, r.Abis.Count);
        }

        [Fact]
        public void Layout_is_deterministic_and_value_equal()
        {
            var a = LayoutEngine.Run(Specs.BuiltIn());
            var b = LayoutEngine.Run(Specs.BuiltIn());
            Assert.Equal(a, b);
            Assert.Equal(a.GetHashCode(), b.GetHashCode());
        }
    }
}
