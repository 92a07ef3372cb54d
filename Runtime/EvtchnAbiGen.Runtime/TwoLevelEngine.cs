using System;
using System.Runtime.CompilerServices;
using Xen.Evtchn.X86_64;

namespace EvtchnAbiGen.Runtime
{
    /// <summary>The 2-level ABI on one shared_info page (x86_64/arm64 layout: 64-bit words, 4096 ports),
    /// with Xen's view (SetPending, Unmask) and the guest's (Mask, Upcall/Scan). Built only on the
    /// generated types and their atomic operations. Thread-safe as Xen and guests are: any number of
    /// raisers; one scanner per vcpu.</summary>
    public sealed unsafe class TwoLevelEngine : IDisposable
    {
        public const int WordBits = 64;
        public const int Capacity = Constants.EVTCHN_2L_NR_CHANNELS;
        public const int MaxVcpus = Constants.XEN_LEGACY_MAX_VCPUS;

        private shared_info* _shared;
        private readonly int[] _resume = new int[MaxVcpus];

        private readonly ScanAck _ack;

        /// <param name="ack">How scans acknowledge ports: a whole word at once (default) or per port, as Linux.</param>
        public TwoLevelEngine(ScanAck ack = ScanAck.PerWord)
        {
            _ack = ack;
            _shared = NativePage.Alloc<shared_info>();
        }

        public ref shared_info Shared => ref *_shared;

        // ---------------- Xen's view ----------------

        /// <summary>Xen's evtchn_2l_set_pending: pending → mask → selector → upcall. Returns true when this
        /// call raised the vcpu's upcall (Xen would kick the vcpu).</summary>
        public bool SetPending(int vcpu, int port)
        {
            CheckPort(port);
            CheckVcpu(vcpu);
            return SetPendingUnchecked(vcpu, port);
        }

        /// <summary><see cref="SetPending"/> without range checks: the caller guarantees 0 &lt;= port &lt; 4096 and a valid vcpu.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool SetPendingUnchecked(int vcpu, int port)
        {
            ref shared_info s = ref *_shared;
            if (s.evtchn_pending.TestAndSetBitUnchecked(port)) return false;   // already pending: merged
            if (s.evtchn_mask.TestBitUnchecked(port)) return false;
            ref vcpu_info v = ref s.vcpu_info[vcpu];
            if (v.evtchn_pending_sel.TestAndSetBit(port >> 6)) return false;
            return !v.evtchn_upcall_pending.TestAndSetBit(0);
        }

        /// <summary>EVTCHNOP_unmask: clear the mask; if the port is pending, walk selector → upcall again.</summary>
        public bool Unmask(int vcpu, int port)
        {
            CheckPort(port);
            CheckVcpu(vcpu);
            ref shared_info s = ref *_shared;
            if (!s.evtchn_mask.TestAndClearBitUnchecked(port) || !s.evtchn_pending.TestBitUnchecked(port)) return false;
            ref vcpu_info v = ref s.vcpu_info[vcpu];
            if (v.evtchn_pending_sel.TestAndSetBit(port >> 6)) return false;
            return !v.evtchn_upcall_pending.TestAndSetBit(0);
        }

        // ---------------- the guest's view ----------------

        public void Mask(int port) => (*_shared).evtchn_mask.SetBit(port);

        public bool UpcallPending(int vcpu) => (*_shared).vcpu_info[CheckVcpu(vcpu)].evtchn_upcall_pending.Read() != 0;

        /// <summary>The upcall: clear evtchn_upcall_pending, scan, and repeat while Xen raised it again.</summary>
        public int Upcall<THandler>(int vcpu, ref THandler handler) where THandler : struct, IPortHandler
            => UpcallLoop.Run(ref (*_shared).vcpu_info[CheckVcpu(vcpu)], vcpu, new Pass { Engine = this }, ref handler);

        private struct Pass : IUpcallPass
        {
            public TwoLevelEngine Engine;

            public int Run<THandler>(int vcpu, ref THandler handler) where THandler : struct, IPortHandler => Engine.ScanUnchecked(vcpu, ref handler);
        }

        /// <summary>One hierarchical scan: take the selector word, then visit its words and their
        /// pending-and-unmasked bits in circular order from just after the last port handled (Linux's
        /// fair resume point), acknowledging them before the handler calls (see <see cref="ScanAck"/>).</summary>
        public int Scan<THandler>(int vcpu, ref THandler handler) where THandler : struct, IPortHandler
        {
            CheckVcpu(vcpu);
            return ScanUnchecked(vcpu, ref handler);
        }

        /// <summary><see cref="Scan"/> for a vcpu already checked (the upcall loop's passes).</summary>
        private int ScanUnchecked<THandler>(int vcpu, ref THandler handler) where THandler : struct, IPortHandler
            => _ack == ScanAck.PerWord ? Scan<THandler, AckPerWord>(vcpu, ref handler) : Scan<THandler, AckPerPort>(vcpu, ref handler);

        // Compiled once, fully optimised, and not inlined into PGO-compiled callers: dynamic PGO made the
        // word-at-once scan as slow as the per-port one
        // (2.09 against 0.79 ns per port, 2L at 50 % density; docs/performance.md).
        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
        private int Scan<THandler, TAck>(int vcpu, ref THandler handler) where THandler : struct, IPortHandler where TAck : struct, IAckOrder
        {
            ref shared_info s = ref *_shared;
            ulong words = s.vcpu_info[vcpu].evtchn_pending_sel.Exchange(0);
            if (words == 0) return 0;
            int start = _resume[vcpu], next = start;
            int startWord = start >> 6, startBit = start & 63;
            int handled = 0;
            var bitmaps = new TwoLevelBitmaps { Shared = _shared };
            ulong first = CircularBits.Upper(words, startWord);
            ulong then = CircularBits.Lower(words, startWord);
            while (first != 0) handled += WordScan.Scan<TwoLevelBitmaps, THandler, TAck>(ref bitmaps, CircularBits.PopLowest(ref first), startWord, startBit, Capacity, ref next, ref handler);
            while (then != 0) handled += WordScan.Scan<TwoLevelBitmaps, THandler, TAck>(ref bitmaps, CircularBits.PopLowest(ref then), startWord, startBit, Capacity, ref next, ref handler);
            _resume[vcpu] = next; // the next scan starts just after the last port handled
            return handled;
        }

        private static void CheckPort(int port)
        {
            if ((uint)port >= Capacity) throw new ArgumentOutOfRangeException(nameof(port), port, $"2-level ports are 0..{Capacity - 1}");
        }

        private static int CheckVcpu(int vcpu) => VcpuIndex.Check(vcpu, MaxVcpus);

        public void Dispose()
        {
            NativePage.Free(_shared);
            _shared = null;
        }
    }
}
