using System;
using System.Collections.Generic;

namespace EvtchnAbiGen.Core.Util
{
    /// <summary>" (did you mean 'x'?)" for a name within edit distance 2 of a known one, else "".</summary>
    internal static class DidYouMean
    {
        public static string Suggest(string name, IEnumerable<string> candidates)
        {
            string? best = null;
            int bestD = 3;
            foreach (var c in candidates)
            {
                int d = Distance(name, c);
                if (d < bestD)
                {
                    bestD = d;
                    best = c;
                }
            }
            return best == null ? "" : $" (did you mean '{best}'?)";
        }

        private static int Distance(string a, string b)
        {
            if (Math.Abs(a.Length - b.Length) > 2) return 99;
            var prev = new int[b.Length + 1];
            var cur = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++) prev[j] = j;
            for (int i = 1; i <= a.Length; i++)
            {
                cur[0] = i;
                for (int j = 1; j <= b.Length; j++)
                    cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                var tmp = prev; prev = cur; cur = tmp;
            }
            return prev[b.Length];
        }
    }
}
