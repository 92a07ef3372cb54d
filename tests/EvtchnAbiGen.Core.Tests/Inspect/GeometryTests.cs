using EvtchnAbiGen.Inspect.Geometry;
using Xunit;

namespace EvtchnAbiGen.Core.Tests.Inspect
{
    /// <summary>The inspectors' numbers come from the layout model; here they must equal the hand-typed facts
    /// the page builders use (xen-evtchn-abi.md §1.2, §2.3, §2.4; clang-14 on Xen's headers).</summary>
    public class GeometryTests
    {
        [Theory]
        //          abi       size  pending mask  sel wordBytes stride vcpus ports
        [InlineData("x86_32", 2344, 2048, 2176, 4, 4, 64, 32, 1024)]
        [InlineData("x86_64", 3136, 2048, 2560, 8, 8, 64, 32, 4096)]
        [InlineData("arm32", 1088, 48, 560, 8, 8, 48, 1, 4096)]
        [InlineData("arm64", 1088, 48, 560, 8, 8, 48, 1, 4096)]
        public void Shared_info_geometry_matches_the_c_headers(string abi, int size, int pending, int mask, int sel, int wordBytes, int stride, int vcpus, int ports)
        {
            var g = SharedInfoGeometry.From(BuiltInLayout.For(abi));
            Assert.Equal((size, pending, mask, sel, wordBytes, stride, vcpus, ports, 0, 0),
                (g.Size, g.PendingOffset, g.MaskOffset, g.SelectorOffset, g.WordSize, g.VcpuInfoStride, g.VcpuCount, g.PortCount, g.UpcallPendingOffset, g.VcpuInfoOffset));
            Assert.Null(g.CheckLength(size));
            Assert.Null(g.CheckLength(4096));
            Assert.NotNull(g.CheckLength(size - 1));
        }

        [Fact]
        public void Fifo_geometry_matches_event_channel_h()
        {
            var g = FifoGeometry.From(BuiltInLayout.For("x86_32"));
            Assert.Equal((31, 30, 29, 28), (g.Pending.Low, g.Masked.Low, g.Linked.Low, g.Busy.Low));
            Assert.Equal((0, 16), (g.Link.Low, g.Link.High));
            Assert.Equal((72, 0, 8, 16, 1024, 128), (g.ControlBlockSize, g.ReadyOffset, g.HeadOffset, g.QueueCount, g.WordsPerPage, g.MaxPages));
        }

        [Theory]
        [InlineData("x86_32", 4096, 128, 32768)]
        [InlineData("x86_64", 32768, 512, 262144)]
        [InlineData("arm32", 32768, 512, 262144)]
        public void Three_level_geometry_matches_xen_3l_h(string abi, int bitmap, int l2, int ports)
        {
            var g = ThreeLevelGeometry.From(BuiltInLayout.For(abi));
            Assert.Equal((bitmap, l2, ports), (g.BitmapSize, g.L2SelectorSize, g.PortCount));
        }
    }
}
