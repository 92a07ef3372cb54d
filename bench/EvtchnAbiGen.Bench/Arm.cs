using System;
using System.Collections.Generic;
using System.Linq;

namespace EvtchnAbiGen.Bench
{
    /// <summary>A pending set spread evenly at a density over the first N ports, as precomputed words, so a
    /// scan can be re-armed with a few plain stores (bench/c/evtchn_ref.c builds the same).</summary>
    public sealed class Arm
    {
        public readonly int[] WordIndex;
        public readonly ulong[] WordValue;
        public readonly int[] L2Index;
        public readonly ulong[] L2Value;
        public ulong L1;
        public ulong Sel2L;
        public int Count;

        public Arm(int ports, double density)
        {
            var pending = new ulong[4096];
            long want = Math.Max(1, (long)(ports * density));
            double step = (double)ports / want;
            for (long k = 0; k < want; k++)
            {
                int p = (int)(k * step);
                pending[p >> 6] |= 1UL << (p & 63);
                Count++;
            }
            var l2 = new ulong[64];
            var words = new List<(int, ulong)>();
            var l2s = new List<(int, ulong)>();
            for (int w = 0; w < 4096; w++)
            {
                if (pending[w] == 0) continue;
                words.Add((w, pending[w]));
                l2[w / 64] |= 1UL << (w % 64);
                if (w < 64) Sel2L |= 1UL << w;
            }
            for (int i = 0; i < 64; i++)
            {
                if (l2[i] == 0) continue;
                l2s.Add((i, l2[i]));
                L1 |= 1UL << i;
            }
            WordIndex = words.Select(x => x.Item1).ToArray();
            WordValue = words.Select(x => x.Item2).ToArray();
            L2Index = l2s.Select(x => x.Item1).ToArray();
            L2Value = l2s.Select(x => x.Item2).ToArray();
        }
    }
}
