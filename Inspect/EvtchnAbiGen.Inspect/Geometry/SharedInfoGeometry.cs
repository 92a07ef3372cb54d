using EvtchnAbiGen.Core.Layout;

namespace EvtchnAbiGen.Inspect.Geometry
{
    /// <summary>Where the 2-level event-channel state sits in <c>shared_info</c> on one ABI, all read from
    /// the layout model: the vcpu_info array, each vcpu's upcall flag and selector, and the two bitmaps.
    /// Offsets are from the start of shared_info; <see cref="UpcallPendingOffset"/> and
    /// <see cref="SelectorOffset"/> are from the start of one vcpu_info.</summary>
    /// <param name="WordSize">sizeof(xen_ulong_t): 4 on x86_32, 8 elsewhere (ARM too).</param>
    /// <param name="VcpuCount">XEN_LEGACY_MAX_VCPUS: the vcpu_info slots in the page (32 on x86, 1 on ARM).</param>
    /// <param name="PortCount">EVTCHN_2L_NR_CHANNELS: WordCount × WordSize × 8.</param>
    public sealed record SharedInfoGeometry(string Abi, int Size, int VcpuInfoOffset, int VcpuInfoStride, int VcpuCount,
        int UpcallPendingOffset, int SelectorOffset, int WordSize, int PendingOffset, int MaskOffset, int WordCount, int PortCount)
    {
        public int WordBits => WordSize * 8;

        /// <summary>Offset in shared_info of vcpu <paramref name="vcpu"/>'s vcpu_info.</summary>
        public int VcpuInfo(int vcpu) => VcpuInfoOffset + vcpu * VcpuInfoStride;

        public static SharedInfoGeometry From(AbiLayout abi)
        {
            var si = LayoutLookup.Record(abi, "shared_info");
            var vi = LayoutLookup.Record(abi, "vcpu_info");
            var vcpus = LayoutLookup.Member(abi, si, "vcpu_info");
            if (vcpus.Field.Type.Kind != FieldTypeKind.Record || vcpus.Field.Type.CName != "vcpu_info" || !vcpus.Field.IsArray)
                throw new InspectLayoutException($"shared_info.vcpu_info on {abi.Target.Name} is not an array of struct vcpu_info");
            var upcall = LayoutLookup.IntegerMember(abi, vi, "evtchn_upcall_pending", 1);
            var sel = LayoutLookup.IntegerMember(abi, vi, "evtchn_pending_sel", 4, 8);
            var pending = LayoutLookup.IntegerMember(abi, si, "evtchn_pending", sel.Size);
            var mask = LayoutLookup.IntegerMember(abi, si, "evtchn_mask", sel.Size);
            int maxVcpus = (int)LayoutLookup.Constant(abi, "XEN_LEGACY_MAX_VCPUS");
            int ports = (int)LayoutLookup.Constant(abi, "EVTCHN_2L_NR_CHANNELS");
            var g = new SharedInfoGeometry(abi.Target.Name, si.Size, vcpus.Offset, vcpus.Field.Type.ElementSize, vcpus.Field.ElementCount,
                upcall.Offset, sel.Offset, sel.Size, pending.Offset, mask.Offset, pending.Field.ElementCount, ports);
            if (g.VcpuCount != maxVcpus || mask.Field.ElementCount != g.WordCount || g.WordCount * g.WordBits != ports)
                throw new InspectLayoutException($"shared_info on {abi.Target.Name} does not add up: {g.VcpuCount} vcpu_info slots (XEN_LEGACY_MAX_VCPUS = {maxVcpus}), "
                    + $"{g.WordCount} pending and {mask.Field.ElementCount} mask words of {g.WordBits} bits (EVTCHN_2L_NR_CHANNELS = {ports})");
            return g;
        }

        /// <summary>Null when a dump of <paramref name="length"/> bytes can hold shared_info: exactly
        /// sizeof(shared_info), or the whole page it lives in. Otherwise what it should be.</summary>
        public string? CheckLength(long length)
            => length == Size || length == XenPage.Size ? null
                : $"{Size} (sizeof(shared_info) on {Abi}) or {XenPage.Size} (the whole shared_info page)";
    }
}
