using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace EvtchnAbiGen.Verifier.Reports
{
    /// <summary>The human report: a struct × ABI (or × release) table, then every drift. A cell is ✓, "✗ N" (drifts),
    /// "absent" (newer than these headers), "+N new" (newer fields only) or "known N" (baseline).</summary>
    public static class TextReport
    {
        /// <summary>Above this many structs, rows that are ✓ everywhere fold into one line.</summary>
        private const int FoldAbove = 40;

        public static string Write(VerifyReport report, string headersDir)
        {
            var sb = new StringBuilder();
            var abis = report.Abis;
            sb.Append("Specs vs Xen headers in ").Append(headersDir).Append(" — ").Append(report.ClangVersion)
              .Append(string.Format(CultureInfo.InvariantCulture, "; {0} ABI(s) in {1:F2} s\n", abis.Count, report.Seconds));
            foreach (var note in report.AllNotes) sb.Append("note: ").Append(note).Append('\n');
            sb.Append('\n');
            var structs = abis.SelectMany(a => a.Structs).Distinct().ToList();
            var columns = abis.Select(a => (Name: a.Target.Name, Drifts: (IEnumerable<Drift>)a.Drifts, Excused: (IEnumerable<Drift>)a.AllExcused)).ToList();
            Table(sb, structs, columns, abis.Max(a => a.ConstantCount));
            var drifts = report.AllDrifts.ToList();
            Excused(sb, report.AllExcused.ToList(), "");
            if (drifts.Count == 0)
            {
                sb.Append(string.Format(CultureInfo.InvariantCulture, "OK: all {0} and {1} constants match on {2}{3}.\n",
                    Types(structs), abis.Max(a => a.ConstantCount), string.Join(", ", abis.Select(a => a.Target.Name)),
                    report.AllExcused.Any() ? " (apart from the newer and known differences above)" : ""));
            }
            else
            {
                sb.Append(string.Format(CultureInfo.InvariantCulture, "DRIFT: {0} difference(s) between the specs and the headers:\n", drifts.Count));
                foreach (var d in drifts) sb.Append("  ").Append(d.RuleId).Append(' ').Append(d.Message).Append('\n');
            }
            return sb.ToString();
        }

        /// <summary>Several header sets: a struct × release table (differences summed over the ABIs), the notes and
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
            int constants = releases.Max(r => r.Report.Abis.Max(a => a.ConstantCount));
            Table(sb, structs, releases.Select(r => (r.Name, r.Report.AllDrifts, r.Report.AllExcused)).ToList(), constants);
            foreach (var r in releases) Excused(sb, r.Report.AllExcused.ToList(), "[" + r.Name + "] ");
            var drifts = releases.SelectMany(r => r.Report.AllDrifts.Select(d => (r, d))).ToList();
            var abis = string.Join(", ", first.Abis.Select(a => a.Target.Name));
            if (drifts.Count == 0)
                sb.Append(string.Format(CultureInfo.InvariantCulture, "OK: all {0} and {1} constants match on {2} in every release ({3}){4}.\n",
                    Types(structs), constants, abis, string.Join(", ", releases.Select(r => r.Name)),
                    releases.Any(r => r.Report.AllExcused.Any()) ? ", apart from the newer and known differences above" : ""));
            else
            {
                sb.Append(string.Format(CultureInfo.InvariantCulture, "DRIFT: {0} difference(s) between the specs and the headers:\n", drifts.Count));
                foreach (var (r, d) in drifts) sb.Append("  [").Append(r.Name).Append("] ").Append(d.RuleId).Append(' ').Append(d.Message).Append('\n');
            }
            return sb.ToString();
        }

        /// <summary>"27 structs", or "27 structs, 3 enums" when the rows hold enums.</summary>
        private static string Types(List<string> rows)
        {
            int enums = rows.Count(r => r.StartsWith(Drift.EnumPrefix, System.StringComparison.Ordinal));
            string s = string.Format(CultureInfo.InvariantCulture, "{0} structs", rows.Count - enums);
            return enums == 0 ? s : s + string.Format(CultureInfo.InvariantCulture, ", {0} enums", enums);
        }

        private static void Table(StringBuilder sb, List<string> structs, List<(string Name, IEnumerable<Drift> Drifts, IEnumerable<Drift> Excused)> columns, int constants)
        {
            int width = System.Math.Max(28, structs.Select(s => s.Length).DefaultIfEmpty(0).Max() + 2);
            var widths = columns.Select(c => System.Math.Max(9, c.Name.Length + 2)).ToList();
            var cells = columns.Select(c => (Drifts: c.Drifts.ToList(), Excused: c.Excused.ToList())).ToList();
            sb.Append("struct".PadRight(width));
            for (int i = 0; i < columns.Count; i++) sb.Append(columns[i].Name.PadRight(widths[i]));
            sb.Append('\n');
            int folded = 0;
            foreach (var s in structs)
            {
                var row = cells.Select(c => Cell(c.Drifts.Where(d => d.Struct == s), c.Excused.Where(d => d.Struct == s))).ToList();
                if (structs.Count > FoldAbove && row.All(x => x == "✓"))
                {
                    folded++;
                    continue;
                }
                sb.Append(s.PadRight(width));
                for (int i = 0; i < row.Count; i++) sb.Append(row[i].PadRight(widths[i]));
                sb.Append('\n');
            }
            if (folded > 0) sb.Append(string.Format(CultureInfo.InvariantCulture, "({0} more structs: ✓ everywhere)\n", folded));
            sb.Append($"constants ({constants})".PadRight(width));
            for (int i = 0; i < cells.Count; i++)
                sb.Append(Cell(cells[i].Drifts.Where(d => d.Constant != null), cells[i].Excused.Where(d => d.Constant != null)).PadRight(widths[i]));
            sb.Append("\n\n");
        }

        private static string Cell(IEnumerable<Drift> drifts, IEnumerable<Drift> excused)
        {
            int n = drifts.Count();
            if (n > 0) return "✗ " + N(n);
            var ex = excused.ToList();
            if (ex.Any(d => d.Kind == DriftKind.StructMissingInC)) return "absent";
            int known = ex.Count(d => d.Status == DriftStatus.Known);
            if (known > 0) return "known " + N(known);
            return ex.Count > 0 ? "+" + N(ex.Count) + " new" : "✓";
        }

        /// <summary>One line of counts for what does not fail the run.</summary>
        private static void Excused(StringBuilder sb, List<Drift> excused, string prefix)
        {
            if (excused.Count == 0) return;
            // Distinct names: the same record or field is newer on every ABI.
            int Newer(DriftKind kind, System.Func<Drift, string?> name) => excused.Where(d => d.Status == DriftStatus.Newer && d.Kind == kind).Select(name).Distinct().Count();
            int records = Newer(DriftKind.StructMissingInC, d => d.Struct);
            int consts = Newer(DriftKind.ConstantMissingInC, d => d.Constant);
            int fields = Newer(DriftKind.MissingInC, d => d.Struct + "." + d.Field);
            int known = excused.Count(d => d.Status == DriftStatus.Known);
            sb.Append(prefix).Append(string.Format(CultureInfo.InvariantCulture,
                "newer than these headers (absent here, not drift): {0} struct(s), {1} constant(s), {2} field(s); known from the baseline: {3} difference(s)\n",
                records, consts, fields, known));
        }

        private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
    }
}
