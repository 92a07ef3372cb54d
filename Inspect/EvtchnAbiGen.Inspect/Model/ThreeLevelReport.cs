using System.Linq;
using EvtchnAbiGen.Core.Util;

namespace EvtchnAbiGen.Inspect.Model
{
    /// <summary>The 3-level view: the pending and mask bitmaps, and per vcpu the L1 selector (from shared_info,
    /// if given) and the L2 selector (if given). Port lists are ascending.</summary>
    /// <param name="PortCount">EVTCHN_3L_NR_CHANNELS on this ABI (W³).</param>
    /// <param name="WordBits">W, bits per xen_ulong_t.</param>
    public sealed record ThreeLevelReport(string Abi, int PortCount, int WordBits, EquatableArray<uint> Pending, EquatableArray<uint> Masked,
        EquatableArray<SelectorVcpu> Vcpus, EquatableArray<InspectProblem> Problems)
    {
        public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);
    }
}
