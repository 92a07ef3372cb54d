using System.Collections.Generic;
using System.Linq;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Layout;
using EvtchnAbiGen.Core.Spec;

namespace EvtchnAbiGen.Verifier.Import
{
    /// <summary>Why the importer never writes a wrong layout: what it wrote is parsed, laid out by the one layout
    /// engine and verified against clang on the same headers, every ABI. A declaration that does not parse, lay out
    /// or match C (a packed record, an aligned(N) inside a macro, #pragma pack, ...) is named here, with the first
    /// difference, so the importer can leave it out and say why.</summary>
    internal static class ImportSelfCheck
    {
        /// <summary>Each declaration that differs, with what differs (the first ABI's first difference), as a clause
        /// that follows its name. Only what <paramref name="imported"/> says the import wrote is named: a curated
        /// record's drift is not the import's.</summary>
        public static Dictionary<string, string> Differences(IReadOnlyList<ImportedFile> files, ImportOptions o, System.Func<string, bool> imported)
        {
            var wrong = new Dictionary<string, string>(System.StringComparer.Ordinal);
            var specs = files.Select(f => Parser.Parse(f.Path.Length == 0 ? "import.abi" : f.Path, f.Text)).ToList();
            var all = o.Curated.Concat(specs).ToList();
            var layout = LayoutEngine.Run(all);
            var errors = specs.SelectMany(s => s.Diagnostics).Concat(layout.Diagnostics).Where(d => d.Severity == SpecSeverity.Error).ToList();
            foreach (var e in errors)
                if (Declaring(specs, e.Location) is string name && imported(name) && !wrong.ContainsKey(name))
                    wrong[name] = $"cannot be written in the spec language ({e.Id}: {e.Message})";
            if (wrong.Count > 0) return wrong;   // the rest is checked once these are out

            var headers = HeaderSet.ForHeaderDirectory(o.HeadersDir);
            var report = LayoutVerifier.Run(layout, headers);
            foreach (var d in report.Abis.SelectMany(a => a.Drifts))
            {
                string? name = d.Struct != null
                    ? d.Struct.StartsWith(Drift.EnumPrefix, System.StringComparison.Ordinal) ? d.Struct.Substring(Drift.EnumPrefix.Length) : d.Struct
                    : d.Constant;
                if (name != null && imported(name) && !wrong.ContainsKey(name))
                    wrong[name] = d.Kind is DriftKind.StructMissingInC or DriftKind.ConstantMissingInC
                        ? $"is not found as written ({d.Abi}: {d.What})"
                        : $"does not lay out as C does ({d.Abi}: {d.What}: C says {d.Expected}, the spec language would give {d.Actual})";
            }
            return wrong;
        }

        /// <summary>The declaration of <paramref name="specs"/> that holds <paramref name="at"/>: the last one that starts
        /// at or before it in its file (both branches of a 'when' count).</summary>
        private static string? Declaring(List<SpecFile> specs, SpecLocation at)
        {
            var file = specs.FirstOrDefault(s => s.Path == at.Path);
            if (file == null) return null;
            (string Name, int Line)? best = null;
            foreach (var (name, line) in Declarations(file.Items))
                if (line <= at.Line && (best == null || line >= best.Value.Line)) best = (name, line);
            return best?.Name;
        }

        private static IEnumerable<(string Name, int Line)> Declarations(IEnumerable<Item> items)
        {
            foreach (var item in items)
            {
                switch (item)
                {
                    case WhenItem w:
                        foreach (var x in Declarations(w.Then.Concat(w.Else))) yield return x;
                        break;
                    case RecordDecl r: yield return (r.Name, r.Location.Line); break;
                    case TypedefDecl t: yield return (t.Name, t.Location.Line); break;
                    case EnumDecl e: yield return (e.Name, e.Location.Line); break;
                    case ConstDecl c: yield return (c.Name, c.Location.Line); break;
                    case RingDecl g: yield return (g.Name, g.Location.Line); break;   // so an error in a ring is not blamed on what precedes it
                }
            }
        }
    }
}
