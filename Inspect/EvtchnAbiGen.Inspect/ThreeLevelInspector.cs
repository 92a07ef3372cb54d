using System;
using System.Collections.Generic;
using System.Linq;
using EvtchnAbiGen.Core.Util;
using EvtchnAbiGen.Inspect.Geometry;
using EvtchnAbiGen.Inspect.Model;

namespace EvtchnAbiGen.Inspect
{
    /// <summary>The 3-level view (our reconstruction, docs/three-level-abi.md): the pending and mask bitmaps,
    /// and per vcpu the L1 selector (vcpu_info.evtchn_pending_sel in shared_info; bit i covers L2 word i) and the
    /// L2 selector (global bit b covers bitmap word b). Either selector level may be missing; what is given is
    /// checked.</summary>
    public static class ThreeLevelInspector
    {
        /// <param name="pending">One evtchn_3l_bitmap: exactly its size (4096 bytes on x86_32, 32768 elsewhere).</param>
        /// <param name="mask">One evtchn_3l_bitmap, as <paramref name="pending"/>.</param>
        /// <param name="l2">The L2 selectors of vcpus 0..vcpus-1, placed as <paramref name="l2Placement"/> says; empty (default) if not known.</param>
        /// <param name="sharedInfo">shared_info (or its whole page), for each vcpu's upcall flag and L1 selector; empty (default) if not known.</param>
        /// <param name="vcpus">How many vcpus to report (at most XEN_LEGACY_MAX_VCPUS when shared_info is given).
        /// Without <paramref name="l2"/> and <paramref name="sharedInfo"/> there is nothing per vcpu and it is ignored.</param>
        /// <exception cref="InputSizeException">an input has the wrong length.</exception>
        public static BitmapReport Inspect(ThreeLevelGeometry g, ReadOnlySpan<byte> pending, ReadOnlySpan<byte> mask,
            ReadOnlyMemory<byte> l2 = default, ReadOnlyMemory<byte> sharedInfo = default, int vcpus = 1, BlockPlacement? l2Placement = null)
        {
            var placement = l2Placement ?? BlockPlacement.Default;
            placement.Validate(g.L2SelectorSize);
            BlockPlacement.CheckVcpus(vcpus);
            InputSizeException.ThrowIf(g.CheckBitmapLength(pending.Length), "pending bitmap", pending.Length);
            InputSizeException.ThrowIf(g.CheckBitmapLength(mask.Length), "mask bitmap", mask.Length);
            bool hasL2 = !l2.IsEmpty, hasL1 = !sharedInfo.IsEmpty;
            if (hasL2) InputSizeException.ThrowIf(g.CheckL2Length(l2.Length, vcpus, placement), "L2 selectors", l2.Length);
            if (hasL1)
            {
                InputSizeException.ThrowIf(g.SharedInfo.CheckLength(sharedInfo.Length), "shared_info", sharedInfo.Length);
                SharedInfoInspector.CheckVcpus(g.SharedInfo, vcpus);
            }

            int w = g.WordBits;
            var p = Bitmaps.Words(pending, g.BitmapOffset, g.BitmapWords, g.WordSize);
            var m = Bitmaps.Words(mask, g.BitmapOffset, g.BitmapWords, g.WordSize);
            var pendingPorts = Bitmaps.Ports(p, w);
            var ready = pendingPorts.Where(x => !Bitmaps.Test(m, x, w)).ToList();
            var problems = new List<InspectProblem>();
            var states = new List<SelectorVcpu>();
            int count = hasL2 || hasL1 ? vcpus : 0;
            for (int v = 0; v < count; v++)
            {
                (byte Upcall, ulong Sel)? l1 = hasL1 ? SharedInfoInspector.ReadVcpu(g.SharedInfo, sharedInfo.Span, v) : null;
                ulong[]? sel2 = hasL2 ? Bitmaps.Words(l2.Span, (int)placement.Start(v, g.L2SelectorSize) + g.L2Offset, g.L2Words, g.WordSize) : null;
                var l1Bits = l1 is { } a ? Bitmaps.SetBits(a.Sel) : new List<int>();
                foreach (int i in l1Bits)
                {
                    bool below = sel2 != null ? sel2[i] != 0 : p.AsSpan(i * w, w).IndexOfAnyExcept(0UL) >= 0;
                    if (!below)
                        problems.Add(new InspectProblem(ProblemKind.SelectorWithoutPending, sel2 != null
                            ? $"vcpu {v}: L1 selector (evtchn_pending_sel) bit {i} is set, but L2 selector word {i} is 0"
                            : $"vcpu {v}: L1 selector (evtchn_pending_sel) bit {i} is set, but pending bitmap words {i * w}..{(i + 1) * w - 1} (ports {(long)i * w * w}..{(long)(i + 1) * w * w - 1}) have nothing pending")
                        { Vcpu = v, Level = 1, Bit = i });
                }
                List<int>? l2Bits = sel2 != null ? Bitmaps.Ports(sel2, w).Select(b => (int)b).ToList() : null;
                foreach (int b in l2Bits ?? new List<int>())
                    if (p[b] == 0)
                        problems.Add(new InspectProblem(ProblemKind.SelectorWithoutPending,
                            $"vcpu {v}: L2 selector bit {b} is set, but pending bitmap word {b} (ports {(long)b * w}..{(long)(b + 1) * w - 1}) has nothing pending")
                        { Vcpu = v, Level = 2, Bit = b });
                if (l1 is { } c && sel2 != null)
                    for (int i = 0; i < sel2.Length; i++)
                        if (sel2[i] != 0 && (c.Sel >> i & 1) == 0)
                            problems.Add(new InspectProblem(ProblemKind.L2WithoutL1,
                                $"vcpu {v}: L2 selector word {i} is {Bitmaps.Hex(sel2[i], w)}, but L1 selector bit {i} is clear, so a scan does not reach bitmap words {i * w}..{(i + 1) * w - 1}")
                            { Vcpu = v, Level = 1, Bit = i });
                var unselected = ready.Where(x => (l1 is { } d && (d.Sel >> (int)(x / ((long)w * w)) & 1) == 0)
                    || (sel2 != null && !Bitmaps.Test(sel2, x / w, w)));
                states.Add(new SelectorVcpu(v, l1?.Upcall, l1?.Sel, l1Bits.ToEquatableArray(), l2Bits?.ToEquatableArray(), unselected.ToEquatableArray()));
            }
            return new BitmapReport(3, g.Abi, g.PortCount, w, pendingPorts.ToEquatableArray(), Bitmaps.Ports(m, w).ToEquatableArray(),
                states.ToEquatableArray(), problems.ToEquatableArray());
        }
    }
}
