using System.Numerics;
using System.Runtime.CompilerServices;

namespace EvtchnAbiGen.Runtime
{
    /// <summary>Fair scan order for a snapshot word: set bits at or above <c>start</c> first, then the ones below.</summary>
    internal static class CircularBits
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Upper(ulong bits, int start) => start >= 64 ? 0 : bits & (ulong.MaxValue << start);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Lower(ulong bits, int start) => start >= 64 ? bits : bits & ~(ulong.MaxValue << start);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int PopLowest(ref ulong bits)
        {
            int b = BitOperations.TrailingZeroCount(bits);
            bits &= bits - 1;
            return b;
        }
    }
}
