using System;
using System.Numerics;

namespace EvtchnScale
{
    /// <summary>Log-linear histogram of nanoseconds (16 sub-buckets per power of two: under 6.25 % error),
    /// fixed size, no allocation per sample.</summary>
    public sealed class LatencyHistogram
    {
        private const int Sub = 16;
        private readonly long[] _counts = new long[64 * Sub];
        private long _max;

        public long Count { get; private set; }

        public void Add(long ns)
        {
            if (ns < 0) ns = 0;
            _counts[Index(ns)]++;
            Count++;
            if (ns > _max) _max = ns;
        }

        private static int Index(long ns)
        {
            if (ns < Sub) return (int)ns;
            int log = 63 - BitOperations.LeadingZeroCount((ulong)ns);          // >= 4
            int sub = (int)(ns >> (log - 4)) & (Sub - 1);
            return (log - 3) * Sub + sub;
        }

        private static long Upper(int index)
        {
            if (index < Sub) return index;
            int log = index / Sub + 3, sub = index % Sub;
            return ((long)(Sub + sub + 1) << (log - 4)) - 1;
        }

        public long Max => _max;

        /// <summary>The value at quantile <paramref name="q"/> (bucket upper bound, capped at the max seen).</summary>
        public long Quantile(double q)
        {
            if (Count == 0) return 0;
            long rank = Math.Max(1, (long)Math.Ceiling(q * Count)), seen = 0;
            for (int i = 0; i < _counts.Length; i++)
            {
                seen += _counts[i];
                if (seen >= rank) return Math.Min(Upper(i), _max);
            }
            return _max;
        }
    }
}
