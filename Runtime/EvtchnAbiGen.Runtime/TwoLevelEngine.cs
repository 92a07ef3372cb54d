using System;
using System.Runtime.CompilerServices;

namespace EvtchnAbiGen.Runtime
{
    /// <summary>The 2-level ABI on one shared_info page of ABI <typeparamref name="TAbi"/> (32-bit words on
    /// x86_32: 1024 ports; 64-bit words elsewhere: 4096), with Xen's view (SetPending, Unmask) and the guest's
    /// (Mask, Upcall/Scan). Built only on the generated types and their atomic operations. Thread-safe as Xen
    /// and guests are: any number of raisers; one scanner per vcpu.</summary>
    public sealed unsafe class TwoLevelEngine<TAbi> : IDisposable where TAbi : struct, IEventAbi
    {
        public static int WordBits => 1 << TAbi.WordShift;

        public static int Capacity => TAbi.TwoLevelChannels;

        public static int MaxVcpus => TAbi.MaxVcpus;

        /// <summary>Bytes of shared memory the engine needs: one shared_info.</summary>
        public static int SharedBytes => TAbi.SharedInfoSize;

        private void* _shared;
        private readonly bool _owns;
        private readonly int[] _resume = new int[TAbi.MaxVcpus];
        private readonly ScanAck _ack;

        /// <param name="ack">How scans acknowledge ports: a whole word at once (default) or per port, as Linux.</param>
        public TwoLevelEngine(ScanAck ack = ScanAck.PerWord)
            : this(NativePage.Alloc<byte>(TAbi.SharedInfoSize), ack, owns: true)
        {
        }

        /// <summary>An engine over a shared_info the caller maps (e.g. a file shared with another process);
        /// <see cref="SharedBytes"/> bytes at <paramref name="sharedInfo"/>, aligned to 8. Not freed by Dispose.</summary>
        public TwoLevelEngine(void* sharedInfo, ScanAck ack = ScanAck.PerWord)
            : this(sharedInfo, ack, owns: false)
        {
        }

        private TwoLevelEngine(void* sharedInfo, ScanAck ack, bool owns)
        {
            if (sharedInfo == null) throw new ArgumentNullException(nameof(sharedInfo));
            _shared = sharedInfo;
            _ack = ack;
            _owns = owns;
        }

        /// <summary>The shared_info page: cast to the ABI's generated <c>shared_info*</c> to read it field by field.</summary>
        public void* SharedInfo => _shared;

        // ---------------- Xen's view ----------------

        /// <summary>Xen's evtchn_2l_set_pending: pending → mask → selector → upcall. Returns true when this
        /// call raised the vcpu's upcall (Xen would kick the vcpu).</summary>
        public bool SetPending(int vcpu, int port)
        {
            CheckPort(port);
            CheckVcpu(vcpu);
            return SetPendingUnchecked(vcpu, port);
        }

        /// <summary><see cref="SetPending"/> without range checks: the caller guarantees a valid port and vcpu.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool SetPendingUnchecked(int vcpu, int port)
        {
            if (TAbi.TestAndSetPending2L(_shared, port)) return false;   // already pending: merged
            if (TAbi.TestMask2L(_shared, port)) return false;
            return RaiseSelector(vcpu, port);
        }

        /// <summary>EVTCHNOP_unmask: clear the mask; if the port is pending, walk selector → upcall again.</summary>
        public bool Unmask(int vcpu, int port)
        {
            CheckPort(port);
            CheckVcpu(vcpu);
            if (!TAbi.TestAndClearMask2L(_shared, port) || !TAbi.TestPending2L(_shared, port)) return false;
            return RaiseSelector(vcpu, port);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private bool RaiseSelector(int vcpu, int port)
            => !TAbi.TestAndSetSelector(_shared, vcpu, port >> TAbi.WordShift) && TAbi.RaiseUpcall(_shared, vcpu);

        // ---------------- the guest's view ----------------

        public void Mask(int port)
        {
            CheckPort(port);
            TAbi.SetMask2L(_shared, port);
        }

        public bool UpcallPending(int vcpu) => TAbi.UpcallPending(_shared, CheckVcpu(vcpu));

        /// <summary>Word <paramref name="word"/> of evtchn_pending, evtchn_mask, and vcpu's evtchn_pending_sel (volatile reads).</summary>
        public ulong PendingWord(int word) => TAbi.PendingWord2L(_shared, CheckWord(word));

        public ulong MaskWord(int word) => TAbi.MaskWord2L(_shared, CheckWord(word));

        public ulong Selector(int vcpu) => TAbi.ReadSelector(_shared, CheckVcpu(vcpu));

        /// <summary>The upcall: clear evtchn_upcall_pending, scan, and repeat while Xen raised it again.</summary>
        public int Upcall<THandler>(int vcpu, ref THandler handler) where THandler : struct, IPortHandler
            => UpcallLoop.Run<TAbi, Pass, THandler>(_shared, CheckVcpu(vcpu), new Pass { Engine = this }, ref handler);

        private struct Pass : IUpcallPass
        {
            public TwoLevelEngine<TAbi> Engine;

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
            ulong words = TAbi.TakeSelector(_shared, vcpu);
            if (words == 0) return 0;
            int start = _resume[vcpu], next = start;
            int startWord = start >> TAbi.WordShift, startBit = start & ((1 << TAbi.WordShift) - 1);
            int handled = 0;
            var bitmaps = new TwoLevelBitmaps<TAbi> { Shared = _shared };
            ulong first = CircularBits.Upper(words, startWord);
            ulong then = CircularBits.Lower(words, startWord);
            while (first != 0) handled += WordScan.Scan<TAbi, TwoLevelBitmaps<TAbi>, THandler, TAck>(ref bitmaps, CircularBits.PopLowest(ref first), startWord, startBit, TAbi.TwoLevelChannels, ref next, ref handler);
            while (then != 0) handled += WordScan.Scan<TAbi, TwoLevelBitmaps<TAbi>, THandler, TAck>(ref bitmaps, CircularBits.PopLowest(ref then), startWord, startBit, TAbi.TwoLevelChannels, ref next, ref handler);
            _resume[vcpu] = next; // the next scan starts just after the last port handled
            return handled;
        }

        private static void CheckPort(int port)
        {
            if ((uint)port >= (uint)Capacity) throw new ArgumentOutOfRangeException(nameof(port), port, $"2-level ports on {TAbi.Name} are 0..{Capacity - 1}");
        }

        private static int CheckWord(int word)
        {
            if ((uint)word >= (uint)(Capacity >> TAbi.WordShift)) throw new ArgumentOutOfRangeException(nameof(word), word, $"2-level words on {TAbi.Name} are 0..{(Capacity >> TAbi.WordShift) - 1}");
            return word;
        }

        private static int CheckVcpu(int vcpu) => VcpuIndex.Check(vcpu, TAbi.MaxVcpus);

        public void Dispose()
        {
            if (_owns) NativePage.Free(_shared);
            _shared = null;
        }
    }
}
