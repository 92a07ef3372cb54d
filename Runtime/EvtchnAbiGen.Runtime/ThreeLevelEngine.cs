using System;
using System.Runtime.CompilerServices;
using Xen.Evtchn.X86_64;

namespace EvtchnAbiGen.Runtime
{
    /// <summary>The reconstructed 3-level ABI (docs/three-level-abi.md) with 64-bit words: 262,144 ports.
    /// L1 is vcpu_info.evtchn_pending_sel (bit = port / 4096), L2 a per-vcpu evtchn_3l_l2_selector
    /// (bit = port / 64), then the pending and mask bitmap pages (evtchn_3l_bitmap, 8 pages each).</summary>
    public sealed unsafe class ThreeLevelEngine : IDisposable
    {
        public const int Capacity = Constants.EVTCHN_3L_NR_CHANNELS;
        public const int MaxVcpus = Constants.XEN_LEGACY_MAX_VCPUS;
        private const int L2Shift = 6;   // 64 ports per bitmap word
        private const int L1Shift = 12;  // 64 words per L2 selector word

        private shared_info* _shared;
        private evtchn_3l_bitmap* _pending;
        private evtchn_3l_bitmap* _mask;
        private evtchn_3l_l2_selector* _l2;
        private readonly int[] _resume = new int[MaxVcpus];

        private readonly ScanAck _ack;

        /// <param name="ack">How scans acknowledge ports: a whole word at once (default) or per port, as Linux.</param>
        public ThreeLevelEngine(ScanAck ack = ScanAck.PerWord)
        {
            _ack = ack;
            _shared = NativePage.Alloc<shared_info>();
            _pending = NativePage.Alloc<evtchn_3l_bitmap>();
            _mask = NativePage.Alloc<evtchn_3l_bitmap>();
            _l2 = NativePage.Alloc<evtchn_3l_l2_selector>(MaxVcpus);
        }

        public ref evtchn_3l_bitmap Pending => ref *_pending;

        public ref evtchn_3l_bitmap MaskBitmap => ref *_mask;

        /// <summary>The vcpu's L2 selector page (registered in phase 2 of EVTCHNOP_register_extended).</summary>
        public ref evtchn_3l_l2_selector L2Selector(int vcpu) => ref _l2[CheckVcpu(vcpu)];

        public ref vcpu_info VcpuInfo(int vcpu) => ref (*_shared).vcpu_info[CheckVcpu(vcpu)];

        // ---------------- Xen's view ----------------

        /// <summary>pending → mask → L2 selector → L1 selector → upcall. True when the upcall was raised.</summary>
        public bool SetPending(int vcpu, int port)
        {
            CheckPort(port);
            CheckVcpu(vcpu);
            return SetPendingUnchecked(vcpu, port);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool SetPendingUnchecked(int vcpu, int port)
        {
            if ((*_pending).bits.TestAndSetBitUnchecked(port)) return false;
            if ((*_mask).bits.TestBitUnchecked(port)) return false;
            return RaiseSelectors(vcpu, port);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private bool RaiseSelectors(int vcpu, int port)
        {
            if (_l2[vcpu].sel.TestAndSetBitUnchecked(port >> L2Shift)) return false;
            ref vcpu_info v = ref (*_shared).vcpu_info[vcpu];
            if (v.evtchn_pending_sel.TestAndSetBit(port >> L1Shift)) return false;
            return !v.evtchn_upcall_pending.TestAndSetBit(0);
        }

        public bool Unmask(int vcpu, int port)
        {
            CheckPort(port);
            CheckVcpu(vcpu);
            if (!(*_mask).bits.TestAndClearBitUnchecked(port) || !(*_pending).bits.TestBitUnchecked(port)) return false;
            return RaiseSelectors(vcpu, port);
        }

        // ---------------- the guest's view ----------------

        public void Mask(int port) => (*_mask).bits.SetBit(port);

        public bool UpcallPending(int vcpu) => (*_shared).vcpu_info[CheckVcpu(vcpu)].evtchn_upcall_pending.Read() != 0;

        public int Upcall<THandler>(int vcpu, ref THandler handler) where THandler : struct, IPortHandler
            => UpcallLoop.Run(ref (*_shared).vcpu_info[CheckVcpu(vcpu)], vcpu, new Pass { Engine = this }, ref handler);

        private struct Pass : IUpcallPass
        {
            public ThreeLevelEngine Engine;

            public int Run<THandler>(int vcpu, ref THandler handler) where THandler : struct, IPortHandler => Engine.ScanUnchecked(vcpu, ref handler);
        }

        /// <summary>Take L1, then each L2 word it selects, then each bitmap word, every level in circular
        /// order from just after the last port handled.</summary>
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
            ulong l1 = (*_shared).vcpu_info[vcpu].evtchn_pending_sel.Exchange(0);
            if (l1 == 0) return 0;
            int start = _resume[vcpu], next = start;
            int s1 = start >> L1Shift, s2 = (start >> L2Shift) & 63, s3 = start & 63;
            int handled = 0;
            ulong first = CircularBits.Upper(l1, s1), then = CircularBits.Lower(l1, s1);
            while (first != 0) handled += ScanL2<THandler, TAck>(vcpu, CircularBits.PopLowest(ref first), s1, s2, s3, ref next, ref handler);
            while (then != 0) handled += ScanL2<THandler, TAck>(vcpu, CircularBits.PopLowest(ref then), s1, s2, s3, ref next, ref handler);
            _resume[vcpu] = next; // the next scan starts just after the last port handled
            return handled;
        }

        private int ScanL2<THandler, TAck>(int vcpu, int i, int s1, int s2, int s3, ref int next, ref THandler handler)
            where THandler : struct, IPortHandler where TAck : struct, IAckOrder
        {
            ulong l2 = _l2[vcpu].sel.ExchangeWordUnchecked(i, 0);
            int from = i == s1 ? s2 : 0;
            int startWord = i == s1 ? (s1 << 6) | s2 : -1;
            var bitmaps = new ThreeLevelBitmaps { Pending = _pending, Mask = _mask };
            ulong first = CircularBits.Upper(l2, from), then = CircularBits.Lower(l2, from);
            int handled = 0;
            while (first != 0) handled += WordScan.Scan<ThreeLevelBitmaps, THandler, TAck>(ref bitmaps, (i << 6) | CircularBits.PopLowest(ref first), startWord, s3, Capacity, ref next, ref handler);
            while (then != 0) handled += WordScan.Scan<ThreeLevelBitmaps, THandler, TAck>(ref bitmaps, (i << 6) | CircularBits.PopLowest(ref then), startWord, s3, Capacity, ref next, ref handler);
            return handled;
        }

        private static void CheckPort(int port)
        {
            if ((uint)port >= Capacity) throw new ArgumentOutOfRangeException(nameof(port), port, $"3-level ports are 0..{Capacity - 1}");
        }

        private static int CheckVcpu(int vcpu) => VcpuIndex.Check(vcpu, MaxVcpus);

        public void Dispose()
        {
            NativePage.Free(_shared);
            NativePage.Free(_pending);
            NativePage.Free(_mask);
            NativePage.Free(_l2);
            _shared = null;
            _pending = _mask = null;
            _l2 = null;
        }
    }
}
