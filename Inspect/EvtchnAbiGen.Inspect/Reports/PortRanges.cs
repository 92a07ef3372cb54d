using System.Collections.Generic;
using System.Text;

namespace EvtchnAbiGen.Inspect.Reports
{
    /// <summary>Ascending numbers as runs: "0-5 7 9-1023" (a freshly set-up FIFO array has every port masked).</summary>
    public static class PortRanges
    {
        public static string Format(IEnumerable<uint> ascending)
        {
            var sb = new StringBuilder();
            long start = -1, end = -1;
            void Flush()
            {
                if (start < 0) return;
                if (sb.Length > 0) sb.Append(' ');
                sb.Append(start);
                if (end > start) sb.Append('-').Append(end);
            }
            foreach (uint p in ascending)
            {
                if (start >= 0 && p == end + 1)
                {
                    end = p;
                    continue;
                }
                Flush();
                start = end = p;
            }
            Flush();
            return sb.Length == 0 ? "none" : sb.ToString();
        }
    }
}
