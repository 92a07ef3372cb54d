using System.Globalization;
using System.Linq;
using System.Text;

namespace EvtchnAbiGen.Verifier.Reports
{
    /// <summary>The human report: a struct × ABI table with ✓ or the number of drifts, then every drift.</summary>
    public static class TextReport
    {
        public static string Write(VerifyReport report, string headersDir)
        {
            var sb = new StringBuilder();
            var abis = report.Abis;
            sb.Append("Specs vs Xen headers in ").Append(headersDir).Append(" — ").Append(report.ClangVersion)
              .Append(string.Format(CultureInfo.InvariantCulture, "; {0} ABI(s) in {1:F2} s\n", abis.Count, report.Seconds));
            foreach (var note in report.AllNotes) sb.Append("note: ").Append(note).Append('\n');
            sb.Append('\n');
            var structs = abis.SelectMany(a => a.Structs).Distinct().ToList();
            int width = System.Math.Max(28, structs.Max(s => s.Length) + 2);
            sb.Append("struct".PadRight(width));
            foreach (var a in abis) sb.Append(a.Target.Name.PadRight(9));
            sb.Append('\n');
            foreach (var s in structs)
            {
                sb.Append(s.PadRight(width));
                foreach (var a in abis) sb.Append(Cell(a.Drifts.Count(d => d.Struct == s)));
                sb.Append('\n');
            }
            sb.Append($"constants ({abis.Max(a => a.ConstantCount)})".PadRight(width));
            foreach (var a in abis) sb.Append(Cell(a.Drifts.Count(d => d.Constant != null)));
            sb.Append("\n\n");
            var drifts = report.AllDrifts.ToList();
            if (drifts.Count == 0)
            {
                sb.Append(string.Format(CultureInfo.InvariantCulture, "OK: all {0} structs and {1} constants match on {2}.\n",
                    structs.Count, abis.Max(a => a.ConstantCount), string.Join(", ", abis.Select(a => a.Target.Name))));
            }
            else
            {
                sb.Append(string.Format(CultureInfo.InvariantCulture, "DRIFT: {0} difference(s) between the specs and the headers:\n", drifts.Count));
                foreach (var d in drifts) sb.Append("  ").Append(d.RuleId).Append(' ').Append(d.Message).Append('\n');
            }
            return sb.ToString();
        }

        private static string Cell(int drifts) => (drifts == 0 ? "✓" : "✗ " + drifts.ToString(CultureInfo.InvariantCulture)).PadRight(9);
    }
}
