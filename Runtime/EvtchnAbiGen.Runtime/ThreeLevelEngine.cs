using System;
using System.Runtime.CompilerServices;

namespace EvtchnAbiGen.Runtime
{
    /// <summary>The reconstructed 3-level ABI (docs/three-level-abi.md) of ABI <typeparamref name="TAbi"/>:
    /// W^3 ports for W-bit words (32,768 on x86_32, 262,144 with 64-bit words). L1 is
    /// vcpu_info.evtchn_pending_sel (bit = port / W²), L2 a per-vcpu evtchn_3l_l2_selector (bit = port / W),
    /// then the pending and mask bitmap pages (evtchn_3l_bitmap).</summary>
    public sealed unsafe class ThreeLevelEngine<TAbi> : IDisposable where TAbi : struct, IEventAbi
    {
        public static int WordBits => 1 << TAbi.WordShift;

        public static int Capacity => TAbi.ThreeLevelChannels;

        public static int MaxVcpus => TAbi.MaxVcpus;

        /// <summary>Bytes of shared memory the engine needs, in the order the mapping constructor takes them:
        /// the pending bitmap, the mask bitmap, one L2 selector per vcpu (<see cref="MaxVcpus"/>), and shared_info
        /// (<see cref="RegionOffsets"/>).</summary>
        public static int SharedBytes => RegionOffsets.SharedInfo + TAbi.SharedInfoSize;

        private void* _shared;
        private void* _pending;
        private void* _mask;
        private byte* _l2;
        private byte* _owned;
        private readonly int[] _resume = new int[TAbi.MaxVcpus];
        private readonly ScanAck _ack;

        /// <param name="ack">How scans acknowledge ports: a whole word at once (default) or per port, as Linux.</param>
        public ThreeLevelEngine(ScanAck ack = ScanAck.PerWord)
        {
            _owned = NativePage.Alloc<byte>(SharedBytes);
            Carve(_owned);
            _ack = ack;
        }

        /// <summary>An engine over memory the caller maps (e.g. a file shared with another process):
        /// <see cref="SharedBytes"/> bytes at <paramref name="region"/>, laid out as <see cref="SharedBytes"/> says,
        /// page-aligned. Not freed by Dispose.</summary>
        public ThreeLevelEngine(void* region, ScanAck ack = ScanAck.PerWord)
        {
            if (region == null) throw new ArgumentNullException(nameof(region));
            Carve((byte*)region);
            _ack = ack;
        }

        private void Carve(byte* p)
        {
            // The bitmaps first, so that they stay page-aligned as Xen maps them; shared_info after the selectors.
            var o = RegionOffsets;
            _pending = p + o.Pending;
            _mask = p + o.Mask;
            _l2 = p + o.L2Selectors;
            _shared = p + o.SharedInfo;
        }

        /// <summary>Offsets in the region of the mapping constructor: pending bitmap, mask bitmap, L2 selectors, shared_info.</summary>
        public static (int Pending, int Mask, int L2Selectors, int SharedInfo) RegionOffsets
            => (0, TAbi.ThreeLevelBitmapSize, 2 * TAbi.ThreeLevelBitmapSize, 2 * TAbi.ThreeLevelBitmapSize + TAbi.MaxVcpus * TAbi.ThreeLevelSelectorSize);

        /// <summary>The structures: cast to the ABI's generated <c>shared_info*</c>, <c>evtchn_3l_bitmap*</c>
        /// and <c>evtchn_3l_l2_selector*</c> to read them field by field.</summary>
        public void* SharedInfo => _shared;

        public void* PendingBitmap => _pending;

        public void* MaskBitmap => _mask;

        public void* L2Selector(int vcpu) => _l2 + CheckVcpu(vcpu) * TAbi.ThreeLevelSelectorSize;

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
            if (TAbi.TestAndSetBit3L(_pending, port)) return false;
            if (TAbi.TestBit3L(_mask, port)) return false;
            return RaiseSelectors(vcpu, port);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private bool RaiseSelectors(int vcpu, int port)
        {
            if (TAbi.TestAndSetL2(_l2 + vcpu * TAbi.ThreeLevelSelectorSize, port >> TAbi.WordShift)) return false;
            if (TAbi.TestAndSetSelector(_shared, vcpu, port >> (2 * TAbi.WordShift))) return false;
            return TAbi.RaiseUpcall(_shared, vcpu);
        }

        public bool Unmask(int vcpu, int port)
        {
            CheckPort(port);
            CheckVcpu(vcpu);
            if (!TAbi.TestAndClearBit3L(_mask, port) || !TAbi.TestBit3L(_pending, port)) return false;
            return RaiseSelectors(vcpu, port);
        }

        // ---------------- the guest's view ----------------

        public void Mask(int port)
        {
            CheckPort(port);
            TAbi.SetBit3L(_mask, port);
        }

        public bool UpcallPending(int vcpu) => TAbi.UpcallPending(_shared, CheckVcpu(vcpu));

        /// <summary>Volatile reads of a pending or mask bitmap word, an L2 selector word, and the L1 selector.</summary>
        public ulong PendingWord(int word) => TAbi.Word3L(_pending, CheckWord(word, Capacity >> TAbi.WordShift));

        public ulong MaskWord(int word) => TAbi.Word3L(_mask, CheckWord(word, Capacity >> TAbi.WordShift));

        public ulong L2Word(int vcpu, int word) => TAbi.ReadL2(L2Selector(vcpu), CheckWord(word, Capacity >> (2 * TAbi.WordShift)));

        public ulong Selector(int vcpu) => TAbi.ReadSelector(_shared, CheckVcpu(vcpu));

        public int Upcall<THandler>(int vcpu, ref THandler handler) where THandler : struct, IPortHandler
            => UpcallLoop.Run<TAbi, Pass, THandler>(_shared, CheckVcpu(vcpu), new Pass { Engine = this }, ref handler);

        private struct Pass : IUpcallPass
        {
            public ThreeLevelEngine<TAbi> Engine;

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
            ulong l1 = TAbi.TakeSelector(_shared, vcpu);
            if (l1 == 0) return 0;
            int bitMask = (1 << TAbi.WordShift) - 1;
            int start = _resume[vcpu], next = start;
            int s1 = start >> (2 * TAbi.WordShift), s2 = (start >> TAbi.WordShift) & bitMask, s3 = start & bitMask;
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
            ulong l2 = TAbi.TakeL2(_l2 + vcpu * TAbi.ThreeLevelSelectorSize, i);
            int from = i == s1 ? s2 : 0;
            int startWord = i == s1 ? (s1 << TAbi.WordShift) | s2 : -1;
            var bitmaps = new ThreeLevelBitmaps<TAbi> { Pending = _pending, Mask = _mask };
            ulong first = CircularBits.Upper(l2, from), then = CircularBits.Lower(l2, from);
            int handled = 0;
            int baseWord = i << TAbi.WordShift;
            while (first != 0) handled += WordScan.Scan<TAbi, ThreeLevelBitmaps<TAbi>, THandler, TAck>(ref bitmaps, baseWord | CircularBits.PopLowest(ref first), startWord, s3, TAbi.ThreeLevelChannels, ref next, ref handler);
            while (then != 0) handled += WordScan.Scan<TAbi, ThreeLevelBitmaps<TAbi>, THandler, TAck>(ref bitmaps, baseWord | CircularBits.PopLowest(ref then), startWord, s3, TAbi.ThreeLevelChannels, ref next, ref handler);
            return handled;
        }

        private static void CheckPort(int port)
        {
            if ((uint)port >= (uint)Capacity) throw new ArgumentOutOfRangeException(nameof(port), port, $"3-level ports on {TAbi.Name} are 0..{Capacity - 1}");
        }

        private static int CheckWord(int word, int words)
        {
            if ((uint)word >= (uint)words) throw new ArgumentOutOfRangeException(nameof(word), word, $"words are 0..{words - 1}");
            return word;
        }

        private static int CheckVcpu(int vcpu) => VcpuIndex.Check(vcpu, TAbi.MaxVcpus);

        public void Dispose()
        {
            NativePage.Free(_owned);
            _owned = null;
            _shared = _pending = _mask = null;
            _l2 = null;
        }
    }
}
