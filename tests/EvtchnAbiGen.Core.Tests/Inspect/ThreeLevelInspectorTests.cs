using System.Linq;
using EvtchnAbiGen.Inspect;
using EvtchnAbiGen.Inspect.Geometry;
using EvtchnAbiGen.Inspect.Model;
using Xunit;
using static EvtchnAbiGen.Core.Tests.Inspect.ThreeLevelPages;

namespace EvtchnAbiGen.Core.Tests.Inspect
{
    public class ThreeLevelInspectorTests
    {
        [Fact]
        public void X86_64_selectors_reach_ports_through_l1_bit_port_over_w_squared_and_l2_bit_port_over_w()
        {
            var g = ThreeLevelGeometry.From(BuiltInLayout.For("x86_64"));
            // W = 64: port 70000 is L2 bit 1093 (70000 / 64) and L1 bit 17 (70000 / 4096).
            var pending = Bits(32768, 5, 4100, 70000, 200000);
            var mask = Bits(32768, 4100);
            var l2 = Bits(512, 0, 1093, 7);                 // bit 7: bitmap word 7 has nothing pending
            var si = new SharedInfoPage("x86_64").Vcpu(0, 1, (1UL << 0) | (1UL << 2)).Bytes;   // bit 2: L2 word 2 is 0
            var r = ThreeLevelInspector.Inspect(g, pending, mask, l2, si);
            Assert.Equal(new uint[] { 5, 4100, 70000, 200000 }, r.Pending);
            Assert.Equal(new uint[] { 4100 }, r.Masked);
            var v = r.Vcpus.Single();
            Assert.Equal(new[] { 0, 7, 1093 }, v.L2Bits!.Value);
            Assert.Equal(new[] { 0, 2 }, v.SelectorBits);
            Assert.Equal(new uint[] { 70000, 200000 }, v.Unselected);   // L1 bit 17 clear; 200000 has no L2 bit either
            Assert.Equal(new[] { (1, 2), (2, 7) }, r.Problems.Where(p => p.Kind == ProblemKind.SelectorWithoutPending).Select(p => (p.Level!.Value, p.Bit!.Value)));
            var l2NoL1 = Assert.Single(r.Problems, p => p.Kind == ProblemKind.L2WithoutL1);
            Assert.Equal((0, 17), (l2NoL1.Vcpu, l2NoL1.Bit));
            Assert.False(r.HasErrors);
        }

        [Fact]
        public void X86_32_has_one_page_bitmaps_and_32_bit_selectors()
        {
            var g = ThreeLevelGeometry.From(BuiltInLayout.For("x86_32"));
            // W = 32: port 5000 is bitmap word 156, L1 bit 4 (5000 / 1024).
            var si = new SharedInfoPage("x86_32").Vcpu(1, 0, 1u << 4).Bytes;
            var r = ThreeLevelInspector.Inspect(g, Bits(4096, 5000, 32767), Bits(4096), sharedInfo: si, vcpus: 2);
            Assert.Equal(new uint[] { 5000, 32767 }, r.Pending);
            Assert.Equal(new uint[] { 5000, 32767 }, r.Vcpus[0].Unselected);
            Assert.Equal(new uint[] { 32767 }, r.Vcpus[1].Unselected);
            Assert.Null(r.Vcpus[1].L2Bits);
            Assert.Empty(r.Problems);
        }

        [Fact]
        public void Without_selectors_there_is_no_vcpu_and_an_l1_bit_over_empty_words_is_reported()
        {
            var g = ThreeLevelGeometry.From(BuiltInLayout.For("arm64"));
            Assert.Empty(ThreeLevelInspector.Inspect(g, Bits(32768, 1), Bits(32768)).Vcpus);
            var si = new SharedInfoPage("arm64").Vcpu(0, 1, 1UL << 3).Bytes;
            var p = Assert.Single(ThreeLevelInspector.Inspect(g, Bits(32768, 1), Bits(32768), sharedInfo: si).Problems);
            Assert.Equal((ProblemKind.SelectorWithoutPending, 1, 3), (p.Kind, p.Level, p.Bit));
            Assert.Contains("ports 12288..16383", p.Message);
        }

        [Fact]
        public void A_bitmap_of_the_wrong_size_throws()
        {
            var g = ThreeLevelGeometry.From(BuiltInLayout.For("x86_32"));
            var ex = Assert.Throws<InputSizeException>(() => ThreeLevelInspector.Inspect(g, new byte[32768], new byte[4096]));
            Assert.Equal(("pending bitmap", 32768L), (ex.Input, ex.Actual));
            Assert.StartsWith("4096", ex.Expected);
        }
    }
}
