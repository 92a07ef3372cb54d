using System.Linq;
using EvtchnAbiGen.Core.Util;

namespace EvtchnAbiGen.Inspect.Model
{
    /// <summary>A bitmap ABI's view: the 2-level view of a shared_info page (<paramref name="Levels"/> 2), or the
    /// 3-level view of the pending and mask bitmaps with the L1 selector (from shared_info, if given) and the L2
    /// selector (if given) per vcpu (<paramref name="Levels"/> 3). Port lists are ascending.</summary>
    /// <param name="PortCount">EVTCHN_2L_NR_CHANNELS (W²) or EVTCHN_3L_NR_CHANNELS (W³) on this ABI.</param>
    /// <param name="WordBits">Bits per xen_ulong_t (W): the width of the bitmaps' words and of the selectors.</param>
    public sealed record BitmapReport(int Levels, string Abi, int PortCount, int WordBits, EquatableArray<uint> Pending, EquatableArray<uint> Masked,
        EquatableArray<SelectorVcpu> Vcpus, EquatableArray<InspectProblem> Problems)
    {
        public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);
    }

    /// <summary>One vcpu's selector state. <paramref name="Unselected"/>: pending, unmasked ports that a scan
    /// from this vcpu's selector(s) would not reach (their selector bit is clear). That is normal for ports
    /// bound to another vcpu and while the guest scans; it is listed, not reported as a problem.</summary>
    /// <param name="UpcallPending">vcpu_info.evtchn_upcall_pending; null when the view has no shared_info.</param>
    /// <param name="Selector">vcpu_info.evtchn_pending_sel (L1); null when the view has no shared_info.</param>
    /// <param name="SelectorBits">The set bits of <paramref name="Selector"/>, ascending.</param>
    /// <param name="L2Bits">3-level only: the set bits of the vcpu's L2 selector, as global bit numbers
    /// (bit b covers bitmap word b); null when no L2 selectors were given (and always in the 2-level view).</param>
    public sealed record SelectorVcpu(int Vcpu, byte? UpcallPending, ulong? Selector, EquatableArray<int> SelectorBits,
        EquatableArray<int>? L2Bits, EquatableArray<uint> Unselected);
}
