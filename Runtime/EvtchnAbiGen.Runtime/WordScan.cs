using System.Runtime.CompilerServices;

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

        /// <summary>The guest's ack of a whole word: clear these PENDING bits of word <paramref name="word"/> at once.</summary>
        void ClearPendingBits(int word, ulong bits);
    }

    /// <summary>A scan's acknowledgement order, as a struct so the JIT specialises each (see <see cref="ScanAck"/>).</summary>
    internal interface IAckOrder
    {
        bool PerWord { get; }
    }

    internal struct AckPerWord : IAckOrder
    {
        public bool PerWord => true;
    }

    internal struct AckPerPort : IAckOrder
    {
        public bool PerWord => false;
    }

    internal unsafe struct TwoLevelBitmaps<TAbi> : IPendingBitmaps where TAbi : struct, IEventAbi
    {
        public void* Shared;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ulong Active(int word) => TAbi.PendingWord2L(Shared, word) & ~TAbi.MaskWord2L(Shared, word);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void ClearPending(int port) => TAbi.ClearPending2L(Shared, port);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void ClearPendingBits(int word, ulong bits) => TAbi.ClearPendingBits2L(Shared, word, bits);
    }

    internal unsafe struct ThreeLevelBitmaps<TAbi> : IPendingBitmaps where TAbi : struct, IEventAbi
    {
        public void* Pending;
        public void* Mask;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ulong Active(int word) => TAbi.Word3L(Pending, word) & ~TAbi.Word3L(Mask, word);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void ClearPending(int port) => TAbi.ClearBit3L(Pending, port);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void ClearPendingBits(int word, ulong bits) => TAbi.ClearBits3L(Pending, word, bits);
    }

    /// <summary>The last level of the 2L and 3L scans: one bitmap word, its pending-and-unmasked bits in circular
    /// order from the resume bit (only in the resume word), acknowledged before the handler calls: all at once
    /// with one atomic AND (<see cref="ScanAck.PerWord"/>) or each right before its own call (PerPort).</summary>
    internal static class WordScan
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Scan<TAbi, TBitmaps, THandler, TAck>(ref TBitmaps bitmaps, int w, int startWord, int startBit, int capacity,
            ref int next, ref THandler handler)
            where TAbi : struct, IEventAbi
            where TBitmaps : struct, IPendingBitmaps
            where THandler : struct, IPortHandler
            where TAck : struct, IAckOrder
        {
            ulong active = bitmaps.Active(w);
            if (active == 0) return 0;
            if (default(TAck).PerWord) bitmaps.ClearPendingBits(w, active);
            int from = w == startWord ? startBit : 0;
            ulong first = CircularBits.Upper(active, from), then = CircularBits.Lower(active, from);
            // The resume point is just after the last port this word hands over: set once, not per port.
            int last = 63 - System.Numerics.BitOperations.LeadingZeroCount(then != 0 ? then : first);
            next = ((w << TAbi.WordShift) + last + 1) & (capacity - 1);
            int basePort = w << TAbi.WordShift;
            while (first != 0) Deliver<TBitmaps, THandler, TAck>(ref bitmaps, basePort | CircularBits.PopLowest(ref first), ref handler);
            while (then != 0) Deliver<TBitmaps, THandler, TAck>(ref bitmaps, basePort | CircularBits.PopLowest(ref then), ref handler);
            return System.Numerics.BitOperations.PopCount(active);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Deliver<TBitmaps, THandler, TAck>(ref TBitmaps bitmaps, int port, ref THandler handler)
            where TBitmaps : struct, IPendingBitmaps
            where THandler : struct, IPortHandler
            where TAck : struct, IAckOrder
        {
            if (!default(TAck).PerWord) bitmaps.ClearPending(port);
            handler.Handle(port);
        }
    }
}
