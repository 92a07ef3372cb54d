using System.Runtime.CompilerServices;
using Xen.Evtchn.X86_64;

namespace EvtchnAbiGen.Runtime
{
    /// <summary>The pending and mask bitmaps of a bitmap ABI, seen through the generated operations.
    /// Implemented by small structs so the JIT specialises <see cref="WordScan"/> per ABI.</summary>
    internal interface IPendingBitmaps
    {
        /// <summary>pending[w] &amp; ~mask[w] (volatile reads).</summary>
        ulong Active(int word);

        /// <summary>The guest's ack: clear the port's PENDING bit.</summary>
        void ClearPending(int port);
    }

    internal unsafe struct TwoLevelBitmaps : IPendingBitmaps
    {
        public shared_info* Shared;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ulong Active(int word) => Shared->evtchn_pending.ReadWordUnchecked(word) & ~Shared->evtchn_mask.ReadWordUnchecked(word);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void ClearPending(int port) => Shared->evtchn_pending.ClearBitUnchecked(port);
    }

    internal unsafe struct ThreeLevelBitmaps : IPendingBitmaps
    {
        public evtchn_3l_bitmap* Pending;
        public evtchn_3l_bitmap* Mask;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ulong Active(int word) => Pending->bits.ReadWordUnchecked(word) & ~Mask->bits.ReadWordUnchecked(word);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void ClearPending(int port) => Pending->bits.ClearBitUnchecked(port);
    }

    /// <summary>The last level of the 2L and 3L scans: one bitmap word, its pending-and-unmasked bits in circular
    /// order from the resume bit (only in the resume word), PENDING cleared before each handler call.</summary>
    internal static class WordScan
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Scan<TBitmaps, THandler>(ref TBitmaps bitmaps, int w, int startWord, int startBit, int capacity,
            ref int next, ref THandler handler)
            where TBitmaps : struct, IPendingBitmaps
            where THandler : struct, IPortHandler
        {
            ulong active = bitmaps.Active(w);
            int from = w == startWord ? startBit : 0;
            ulong first = CircularBits.Upper(active, from), then = CircularBits.Lower(active, from);
            int handled = 0;
            while (first != 0) { Deliver(ref bitmaps, (w << 6) | CircularBits.PopLowest(ref first), capacity, ref next, ref handler); handled++; }
            while (then != 0) { Deliver(ref bitmaps, (w << 6) | CircularBits.PopLowest(ref then), capacity, ref next, ref handler); handled++; }
            return handled;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Deliver<TBitmaps, THandler>(ref TBitmaps bitmaps, int port, int capacity, ref int next, ref THandler handler)
            where TBitmaps : struct, IPendingBitmaps
            where THandler : struct, IPortHandler
        {
            bitmaps.ClearPending(port);
            next = (port + 1) & (capacity - 1);
            handler.Handle(port);
        }
    }
}
