using System.Collections.Generic;
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
            int width = System.Math.Max(28, structs.Select(s => s.Length).DefaultIfEmpty(0).Max() + 2);
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

        /// <summary>Several header sets: a struct × release table (drifts summed over the ABIs), the notes and
        /// every drift with its release.</summary>
        public static string WriteMatrix(IReadOnlyList<ReleaseReport> releases)
        {
            var sb = new StringBuilder();
            var first = releases[0].Report;
            sb.Append("Specs vs Xen headers of ").Append(releases.Count.ToString(CultureInfo.InvariantCulture)).Append(" releases — ")
              .Append(first.ClangVersion).Append('\n');
            foreach (var r in releases) sb.Append("  ").Append(r.Name).Append(": ").Append(r.HeadersDir).Append('\n');
            foreach (var r in releases)
                foreach (var note in r.Report.AllNotes) sb.Append("note [").Append(r.Name).Append("]: ").Append(note).Append('\n');
            sb.Append('\n');
            var structs = releases.SelectMany(r => r.Report.Abis.SelectMany(a => a.Structs)).Distinct().ToList();
            int width = System.Math.Max(28, structs.Select(x => x.Length).DefaultIfEmpty(0).Max() + 2);
            var cols = releases.Select(r => System.Math.Max(9, r.Name.Length + 2)).ToList();
            sb.Append("struct".PadRight(width));
            for (int i = 0; i < releases.Count; i++) sb.Append(releases[i].Name.PadRight(cols[i]));
            sb.Append('\n');
            foreach (var st in structs)
            {
                sb.Append(st.PadRight(width));
                for (int i = 0; i < releases.Count; i++) sb.Append(Cell(releases[i].Report.AllDrifts.Count(d => d.Struct == st)).Trim().PadRight(cols[i]));
                sb.Append('\n');
            }
            int constants = releases.Max(r => r.Report.Abis.Max(a => a.ConstantCount));
            sb.Append($"constants ({constants})".PadRight(width));
            for (int i = 0; i < releases.Count; i++) sb.Append(Cell(releases[i].Report.AllDrifts.Count(d => d.Constant != null)).Trim().PadRight(cols[i]));
            sb.Append("\n\n");
            var drifts = releases.SelectMany(r => r.Report.AllDrifts.Select(d => (r, d))).ToList();
            var abis = string.Join(", ", first.Abis.Select(a => a.Target.Name));
            if (drifts.Count == 0)
                sb.Append(string.Format(CultureInfo.InvariantCulture, "OK: all {0} structs and {1} constants match on {2} in every release ({3}).\n",
                    structs.Count, constants, abis, string.Join(", ", releases.Select(r => r.Name))));
            else
            {
                sb.Append(string.Format(CultureInfo.InvariantCulture, "DRIFT: {0} difference(s) between the specs and the headers:\n", drifts.Count));
                foreach (var (r, d) in drifts) sb.Append("  [").Append(r.Name).Append("] ").Append(d.RuleId).Append(' ').Append(d.Message).Append('\n');
            }
            return sb.ToString();
        }

        private static string Cell(int drifts) => (drifts == 0 ? "✓" : "✗ " + drifts.ToString(CultureInfo.InvariantCulture)).PadRight(9);
    }
}
