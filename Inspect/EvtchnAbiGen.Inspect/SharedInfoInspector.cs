using System;
using System.Collections.Generic;
using System.Linq;
using EvtchnAbiGen.Core.Util;
using EvtchnAbiGen.Inspect.Geometry;
using EvtchnAbiGen.Inspect.Model;

namespace EvtchnAbiGen.Inspect
{
    /// <summary>The 2-level view of a shared_info page: pending and masked ports, and per vcpu the upcall
    /// flag, the selector word (evtchn_pending_sel, bit w covers evtchn_pending word w) and the pending,
    /// unmasked ports whose selector bit is clear.</summary>
    public static class SharedInfoInspector
    {
        /// <param name="sharedInfo">sizeof(shared_info) bytes, or the whole 4096-byte page (the rest is ignored).</param>
        /// <param name="vcpus">How many vcpu_info slots to report, from vcpu 0; default all (XEN_LEGACY_MAX_VCPUS).</param>
        /// <exception cref="InputSizeException">sharedInfo has another length.</exception>
        /// <exception cref="ArgumentOutOfRangeException">vcpus is not 1..XEN_LEGACY_MAX_VCPUS.</exception>
        public static BitmapReport Inspect(SharedInfoGeometry g, ReadOnlySpan<byte> sharedInfo, int? vcpus = null)
        {
            InputSizeException.ThrowIf(g.CheckLength(sharedInfo.Length), "shared_info", sharedInfo.Length);
            int count = CheckVcpus(g, vcpus);
            var pending = Bitmaps.Words(sharedInfo, g.PendingOffset, g.WordCount, g.WordSize);
            var mask = Bitmaps.Words(sharedInfo, g.MaskOffset, g.WordCount, g.WordSize);
            var pendingPorts = Bitmaps.Ports(pending, g.WordBits);
            var problems = new List<InspectProblem>();
            var states = new List<SelectorVcpu>();
            for (int v = 0; v < count; v++)
            {
                var (upcall, sel) = ReadVcpu(g, sharedInfo, v);
                var unselected = pendingPorts.Where(p => !Bitmaps.Test(mask, p, g.WordBits) && (sel >> (int)(p / g.WordBits) & 1) == 0);
                var bits = Bitmaps.SetBits(sel);
                foreach (int b in bits.Where(b => pending[b] == 0))
                    problems.Add(new InspectProblem(ProblemKind.SelectorWithoutPending,
                        $"vcpu {v}: evtchn_pending_sel bit {b} is set, but evtchn_pending word {b} (ports {b * g.WordBits}..{(b + 1) * g.WordBits - 1}) has nothing pending")
                    { Vcpu = v, Level = 1, Bit = b });
                states.Add(new SelectorVcpu(v, upcall, sel, bits.ToEquatableArray(), null, unselected.ToEquatableArray()));
            }
            return new BitmapReport(2, g.Abi, g.PortCount, g.WordBits, pendingPorts.ToEquatableArray(),
                Bitmaps.Ports(mask, g.WordBits).ToEquatableArray(), states.ToEquatableArray(), problems.ToEquatableArray());
        }

        /// <summary>vcpu_info[vcpu].evtchn_upcall_pending and .evtchn_pending_sel.</summary>
        internal static (byte UpcallPending, ulong Selector) ReadVcpu(SharedInfoGeometry g, ReadOnlySpan<byte> sharedInfo, int vcpu)
        {
            int at = g.VcpuInfo(vcpu);
            return (sharedInfo[at + g.UpcallPendingOffset], Bitmaps.Word(sharedInfo, at + g.SelectorOffset, g.WordSize));
        }

        internal static int CheckVcpus(SharedInfoGeometry g, int? vcpus)
        {
            int count = vcpus ?? g.VcpuCount;
            if (count < 1 || count > g.VcpuCount)
                throw new ArgumentOutOfRangeException(nameof(vcpus), count, $"shared_info on {g.Abi} has vcpu_info slots for vcpus 0..{g.VcpuCount - 1} (XEN_LEGACY_MAX_VCPUS = {g.VcpuCount})");
            return count;
        }
    }
}
