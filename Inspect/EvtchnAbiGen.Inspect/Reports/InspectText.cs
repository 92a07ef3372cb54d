using System.Collections.Generic;
using System.Linq;
using System.Text;
using EvtchnAbiGen.Core.Util;
using EvtchnAbiGen.Inspect.Model;

namespace EvtchnAbiGen.Inspect.Reports
{
    /// <summary>The text of each view, for people: port sets as runs ("0-5 7"), queues in link order, then the
    /// problems, one per line, errors first.</summary>
    public static class InspectText
    {
        public static string Write(BitmapReport r)
        {
            var sb = new StringBuilder();
            sb.Append(r.Levels == 3 ? "3-level bitmaps" : "shared_info (2-level)").Append($", {r.Abi}: {r.PortCount} ports in {r.WordBits}-bit words\n");
            PortLine(sb, "pending", r.Pending);
            PortLine(sb, "masked", r.Masked);
            if (r.Levels == 3 && r.Vcpus.Count == 0) sb.Append("vcpus: no selectors given (--shared-info for L1, --l2 for L2)\n");
            foreach (var v in r.Vcpus) Vcpu(sb, v, r.WordBits);
            Problems(sb, r.Problems);
            return sb.ToString();
        }

        public static string Write(FifoReport r)
        {
            var sb = new StringBuilder();
            sb.Append($"FIFO event array: {r.Pages} page(s), {r.PortCount} ports\n");
            PortLine(sb, "pending", r.Pending);
            PortLine(sb, "masked", r.Masked);
            PortLine(sb, "linked", r.Linked);
            foreach (var v in r.Vcpus)
            {
                sb.Append($"vcpu {v.Vcpu}: ready 0x{v.Ready:x8}");
                if (v.ReadyBits.Count > 0) sb.Append($" (bits {string.Join(" ", v.ReadyBits)})");
                var queues = r.Queues.Where(q => q.Vcpu == v.Vcpu).ToList();
                sb.Append(queues.Count == 0 ? ", every queue empty\n" : "\n");
                foreach (var q in queues) sb.Append($"  queue {q.Priority}: {string.Join(" -> ", q.Ports)}\n");
            }
            Problems(sb, r.Problems);
            return sb.ToString();
        }

        private static void Vcpu(StringBuilder sb, SelectorVcpu v, int wordBits)
        {
            var parts = new List<string>();
            if (v.UpcallPending is byte u) parts.Add($"upcall_pending {u}");
            if (v.Selector is ulong s)
                parts.Add($"selector {Bitmaps.Hex(s, wordBits)}" + (v.SelectorBits.Count > 0 ? $" (bits {string.Join(" ", v.SelectorBits)})" : ""));
            if (v.L2Bits is { } l2) parts.Add("L2 bits " + (l2.Count > 0 ? string.Join(" ", l2) : "none"));
            sb.Append($"vcpu {v.Vcpu}: {string.Join(", ", parts)}\n");
            if (v.Unselected.Count > 0) sb.Append($"  unmasked but not selected: {PortRanges.Format(v.Unselected)}\n");
        }

        private static void PortLine(StringBuilder sb, string name, EquatableArray<uint> ports)
            => sb.Append($"{name} ({ports.Count}): {PortRanges.Format(ports)}\n");

        private static void Problems(StringBuilder sb, EquatableArray<InspectProblem> problems)
        {
            if (problems.Count == 0)
            {
                sb.Append("problems: none\n");
                return;
            }
            sb.Append($"problems ({problems.Count}):\n");
            foreach (var p in problems.OrderByDescending(p => p.Severity)) sb.Append($"  {p}\n");
        }
    }
}
