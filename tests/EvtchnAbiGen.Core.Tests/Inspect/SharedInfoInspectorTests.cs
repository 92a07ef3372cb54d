using System;
using System.Linq;
using EvtchnAbiGen.Inspect;
using EvtchnAbiGen.Inspect.Geometry;
using EvtchnAbiGen.Inspect.Model;
using Xunit;

namespace EvtchnAbiGen.Core.Tests.Inspect
{
    public class SharedInfoInspectorTests
    {
        private static BitmapReport Inspect(string abi, SharedInfoPage page, int? vcpus = null)
            => SharedInfoInspector.Inspect(SharedInfoGeometry.From(BuiltInLayout.For(abi)), page.Bytes, vcpus);

        [Fact]
        public void X86_64_pending_masked_and_unselected_per_vcpu()
        {
            // 64-bit words: port 70 is word 1, port 130 word 2.
            var page = new SharedInfoPage("x86_64").Pending(5, 70, 130).Masked(70, 200).Vcpu(0, 1, 0b011).Vcpu(1, 0, 0b100);
            var r = Inspect("x86_64", page, vcpus: 2);
            Assert.Equal(new uint[] { 5, 70, 130 }, r.Pending);
            Assert.Equal(new uint[] { 70, 200 }, r.Masked);
            Assert.Equal((4096, 64), (r.PortCount, r.WordBits));
            var (v0, v1) = (r.Vcpus[0], r.Vcpus[1]);
            Assert.Equal((byte?)1, v0.UpcallPending);
            Assert.Equal(0b011UL, v0.Selector);
            Assert.Equal(new[] { 0, 1 }, v0.SelectorBits);
            Assert.Equal(new uint[] { 130 }, v0.Unselected);   // 70 is masked; 5 is in selected word 0
            Assert.Equal(new uint[] { 5 }, v1.Unselected);     // 130 is in word 2, selected on vcpu 1
            Assert.Empty(r.Problems);
            Assert.Equal(32, Inspect("x86_64", page).Vcpus.Count);   // default: every vcpu_info slot
        }

        [Fact]
        public void X86_32_uses_32_bit_words_for_bitmaps_and_selector()
        {
            // 32-bit words: port 40 is word 1 (bit 8); port 1023 is the last port (word 31).
            var page = new SharedInfoPage("x86_32").Pending(3, 40, 1023).Masked(3).Vcpu(0, 1, 1u << 1).Vcpu(2, 1, 1u << 31);
            var r = Inspect("x86_32", page, vcpus: 3);
            Assert.Equal(new uint[] { 3, 40, 1023 }, r.Pending);
            Assert.Equal(new uint[] { 3 }, r.Masked);
            Assert.Equal((1024, 32), (r.PortCount, r.WordBits));
            Assert.Equal(new uint[] { 1023 }, r.Vcpus[0].Unselected);
            Assert.Equal(new uint[] { 40, 1023 }, r.Vcpus[1].Unselected);
            Assert.Equal(new uint[] { 40 }, r.Vcpus[2].Unselected);
            Assert.Equal(new[] { 31 }, r.Vcpus[2].SelectorBits);
            Assert.Empty(r.Problems);
        }

        [Fact]
        public void Arm32_has_64_bit_words_and_one_vcpu()
        {
            var r = Inspect("arm32", new SharedInfoPage("arm32").Pending(40).Vcpu(0, 1, 1));
            Assert.Equal(new uint[] { 40 }, r.Pending);
            Assert.Empty(r.Vcpus.Single().Unselected);   // port 40 is in 64-bit word 0
            Assert.Throws<ArgumentOutOfRangeException>(() => Inspect("arm32", new SharedInfoPage("arm32"), vcpus: 2));
        }

        [Fact]
        public void A_selector_bit_with_nothing_pending_is_a_warning()
        {
            var r = Inspect("x86_64", new SharedInfoPage("x86_64").Pending(5).Vcpu(0, 1, 0b1001), vcpus: 1);
            var p = Assert.Single(r.Problems);
            Assert.Equal((ProblemKind.SelectorWithoutPending, ProblemSeverity.Warning, 0, 1, 3), (p.Kind, p.Severity, p.Vcpu, p.Level, p.Bit));
            Assert.Contains("ports 192..255", p.Message);
            Assert.False(r.HasErrors);
        }

        [Fact]
        public void A_whole_page_is_accepted_and_other_lengths_throw_with_the_expected_size()
        {
            var g = SharedInfoGeometry.From(BuiltInLayout.For("x86_64"));
            Assert.Equal(new uint[] { 9 }, SharedInfoInspector.Inspect(g, new SharedInfoPage("x86_64", 4096).Pending(9).Bytes, 1).Pending);
            var ex = Assert.Throws<InputSizeException>(() => SharedInfoInspector.Inspect(g, new byte[3000]));
            Assert.Equal(3000, ex.Actual);
            Assert.Contains("3136", ex.Expected);
        }
    }
}
