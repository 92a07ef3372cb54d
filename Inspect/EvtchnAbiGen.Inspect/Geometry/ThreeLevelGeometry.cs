using EvtchnAbiGen.Core.Layout;

namespace EvtchnAbiGen.Inspect.Geometry
{
    /// <summary>The 3-level ABI (our reconstruction, AbiSpecs/xen-3l.abi) as the inspector reads it, all from
    /// the layout model: the pending and mask bitmaps (evtchn_3l_bitmap), the per-vcpu L2 selector
    /// (evtchn_3l_l2_selector) and, for L1, vcpu_info.evtchn_pending_sel in shared_info.
    /// Port p is bit p % W of bitmap word p / W; its L2 bit is p / W; its L1 bit is p / W².</summary>
    /// <param name="WordSize">sizeof(xen_ulong_t): 4 on x86_32, 8 elsewhere.</param>
    /// <param name="BitmapWords">EVTCHN_3L_BITMAP_WORDS: W².</param>
    /// <param name="L2Words">EVTCHN_3L_L2_SELECTOR_WORDS: W.</param>
    /// <param name="PortCount">EVTCHN_3L_NR_CHANNELS: W³.</param>
    public sealed record ThreeLevelGeometry(string Abi, int WordSize, int BitmapSize, int BitmapOffset, int BitmapWords,
        int L2SelectorSize, int L2Offset, int L2Words, int PortCount, SharedInfoGeometry SharedInfo)
    {
        public int WordBits => WordSize * 8;

        public static ThreeLevelGeometry From(AbiLayout abi)
        {
            var si = SharedInfoGeometry.From(abi);
            var bitmap = LayoutLookup.Record(abi, "evtchn_3l_bitmap");
            var bits = LayoutLookup.IntegerMember(abi, bitmap, "bits", si.WordSize);
            var l2 = LayoutLookup.Record(abi, "evtchn_3l_l2_selector");
            var sel = LayoutLookup.IntegerMember(abi, l2, "sel", si.WordSize);
            long w = LayoutLookup.Constant(abi, "EVTCHN_3L_WORD_BITS");
            long ports = LayoutLookup.Constant(abi, "EVTCHN_3L_NR_CHANNELS");
            var g = new ThreeLevelGeometry(abi.Target.Name, si.WordSize, bitmap.Size, bits.Offset, bits.Field.ElementCount,
                l2.Size, sel.Offset, sel.Field.ElementCount, (int)ports, si);
            if (w != g.WordBits || g.L2Words != w || g.BitmapWords != w * w || ports != w * w * w)
                throw new InspectLayoutException($"the 3-level layout on {abi.Target.Name} does not add up: W = {g.WordBits} bits of xen_ulong_t, "
                    + $"EVTCHN_3L_WORD_BITS = {w}, {g.L2Words} L2 selector words, {g.BitmapWords} bitmap words, EVTCHN_3L_NR_CHANNELS = {ports}");
            return g;
        }

        /// <summary>Null when a bitmap dump of <paramref name="length"/> bytes is exactly one evtchn_3l_bitmap;
        /// otherwise what it should be.</summary>
        public string? CheckBitmapLength(long length)
            => length == BitmapSize ? null
                : $"{BitmapSize} (sizeof(evtchn_3l_bitmap) on {Abi}: {BitmapSize / XenPage.Size} page(s), {BitmapWords} words of {WordBits} bits)";

        /// <summary>Null when <paramref name="length"/> bytes hold <paramref name="vcpus"/> L2 selectors placed as
        /// <paramref name="placement"/> says; otherwise what they should be.</summary>
        public string? CheckL2Length(long length, int vcpus, BlockPlacement placement)
            => placement.CheckLength(length, vcpus, L2SelectorSize, "evtchn_3l_l2_selector");
    }
}
