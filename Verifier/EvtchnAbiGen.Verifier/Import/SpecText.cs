using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using EvtchnAbiGen.Core.Layout;

namespace EvtchnAbiGen.Verifier.Import
{
    /// <summary>Writes the imported declarations as one spec for all four ABIs: a declaration the same on every
    /// ABI is written once; one that differs gets 'when' blocks, around the members that differ when the
    /// ABIs' member lists line up, else around whole variants; one absent on some ABIs is wrapped in a 'when'.</summary>
    internal static class SpecText
    {
        /// <summary>The spec files: one, or with <see cref="ImportOptions.Split"/> one per group <paramref name="group"/>
        /// gives a declaration (its output path). Each is complete: directives, namespace, then constants, enums,
        /// typedefs and records in C order.</summary>
        public static IReadOnlyList<ImportedFile> Write(ImportOptions o, IReadOnlyList<AbiTarget> abis, IReadOnlyList<Dictionary<string, ImportedItem>> perAbi,
            System.Func<ImportedItem, (int File, int Line)> order, System.Func<ImportedItem, string> group, long? importedFrom,
            IReadOnlyList<RingFold> rings, out (int Records, int Typedefs, int Constants, int Skipped, int Enums) counts)
        {
            var all = perAbi.SelectMany(d => d.Values).GroupBy(i => i.Name).ToList();
            int skipped = all.Count(g => o.Skip.Contains(g.Key));
            var names = all.Where(g => !o.Skip.Contains(g.Key))
                .Select(g => (Name: g.Key, Kind: g.First().Kind, First: g.MinBy(order)!))
                .Select(n => (n.Name, n.Kind, Order: order(n.First), Group: o.Split ? group(n.First) : ""))
                .ToList();
            counts = (names.Count(n => n.Kind == ItemKind.Record), names.Count(n => n.Kind == ItemKind.Typedef), names.Count(n => n.Kind == ItemKind.Constant), skipped,
                names.Count(n => n.Kind == ItemKind.Enum));
            // A folded ring takes the place of its first record; its records and typedefs are not written again.
            var folded = rings.SelectMany(r => r.Names.Select(n => (Made: n, Ring: r))).ToDictionary(x => x.Made, x => x.Ring);
            var ringAt = names.Where(n => folded.ContainsKey(n.Name)).GroupBy(n => folded[n.Name].Name)
                .Select(g => (Name: g.Key, Kind: ItemKind.Ring, g.Min(n => n.Order), g.First().Group)).ToList();
            var byRing = rings.ToDictionary(r => r.Name);
            names = names.Where(n => !folded.ContainsKey(n.Name)).Concat(ringAt).ToList();
            var files = new List<ImportedFile>();
            foreach (var file in names.GroupBy(n => n.Group).OrderBy(g => g.Key, System.StringComparer.Ordinal))
            {
                var sb = new StringBuilder();
                var headers = o.Split ? o.Headers.Where(h => Output(h) == file.Key).ToList() : o.Headers.ToList();
                sb.Append("// Imported by 'evtchn-abi import' from Xen's public headers; regenerate rather than edit.\n");
                if (!o.Split) sb.Append("// Headers: ").Append(string.Join(", ", o.Headers)).Append('\n');
                else if (headers.Count == 0) sb.Append("// Declarations the headers take from other headers (the arch-* ones through xen.h).\n");
                if (o.Defines.Count > 0) sb.Append("// Defines: ").Append(string.Join(", ", o.Defines)).Append('\n');
                foreach (var h in headers) sb.Append("header \"").Append(h).Append("\";\n");
                foreach (var d in o.Defines) sb.Append("define \"").Append(d).Append("\";\n");
                if (importedFrom is long v) sb.Append("imported_from 0x").Append(v.ToString("x8", CultureInfo.InvariantCulture)).Append(";\n");
                if (o.OnDemand) sb.Append("on_demand;\n");
                sb.Append("namespace ").Append(o.Namespace).Append(";\n");
                foreach (var kind in new[] { ItemKind.Constant, ItemKind.Enum, ItemKind.Typedef, ItemKind.Record })
                {
                    var list = file.Where(n => n.Kind == kind || (kind == ItemKind.Record && n.Kind == ItemKind.Ring)).OrderBy(n => n.Order.Item1).ThenBy(n => n.Order.Item2).ThenBy(n => n.Name, System.StringComparer.Ordinal).ToList();
                    if (list.Count == 0) continue;
                    sb.Append('\n');
                    foreach (var n in list)
                    {
                        if (n.Kind == ItemKind.Ring)
                        {
                            sb.Append(byRing[n.Name].Text);
                            continue;
                        }
                        var variants = abis.Select((a, i) => (Abi: a, Item: perAbi[i].TryGetValue(n.Name, out var it) && it.Kind == kind ? it : null)).ToList();
                        Declaration(sb, variants);
                    }
                }
                files.Add(new ImportedFile(file.Key, sb.ToString()));
            }
            return files;
        }

        /// <summary>Where a header's declarations go when split: its path with .abi for .h; every arch-* header
        /// (x86's on x86, ARM's on ARM, the same declarations) into arch.abi.</summary>
        public static string Output(string header)
        {
            var h = header.Replace('\\', '/');
            if (h.Split('/').Any(part => part.StartsWith("arch-", System.StringComparison.Ordinal))) return "arch.abi";
            return (h.EndsWith(".h", System.StringComparison.Ordinal) ? h.Substring(0, h.Length - 2) : h) + ".abi";
        }

        private static void Declaration(StringBuilder sb, List<(AbiTarget Abi, ImportedItem? Item)> variants)
        {
            var present = variants.Where(v => v.Item != null).ToList();
            var first = present[0].Item!;
            if (first.Kind == ItemKind.Record && present.Select(v => Keys(v.Item!)).Distinct().Count() == 1)
            {
                // The same members everywhere: one record, 'when' only around members that differ.
                Wrap(sb, present.Select(v => v.Abi).ToList(), variants.Count, "", inner => Record(inner, present, "    ", ""));
                return;
            }
            foreach (var g in present.GroupBy(v => Render(v.Item!, "")))
                Wrap(sb, g.Select(v => v.Abi).ToList(), variants.Count, "", inner => inner.Append(g.Key));
        }

        private static string Keys(ImportedItem r) => (r.IsUnion ? "u:" : "s:") + string.Join(",", r.Members.Select(m => m.Key));

        private static void Record(StringBuilder sb, List<(AbiTarget Abi, ImportedItem? Item)> present, string indent, string outer)
        {
            var first = present[0].Item!;
            Doc(sb, first.Doc, outer);
            sb.Append(outer).Append(first.IsUnion ? "union " : "struct ").Append(first.Name).Append(" {\n");
            for (int i = 0; i < first.Members.Count; i++)
            {
                var forms = present.Select(v => (v.Abi, Member: v.Item!.Members[i])).ToList();
                // One align(N) for every ABI when it changes nothing where clang did not ask for it.
                var aligns = forms.Select(f => f.Member.Align).Where(a => a != null).Distinct().ToList();
                int? common = aligns.Count == 1 && forms.All(f => f.Member.Align != null || f.Member.ClangAlign >= aligns[0]) ? aligns[0] : null;
                var texts = forms.GroupBy(f => (f.Member.Text, Align: common ?? f.Member.Align)).ToList();
                if (texts.Count == 1)
                {
                    Member(sb, forms[0].Member, outer + indent, texts[0].Key.Align);
                    continue;
                }
                string kw = "when";
                foreach (var g in texts)
                {
                    sb.Append(outer).Append(indent).Append(kw).Append(' ').Append(Selector(g.Select(f => f.Abi).ToList())).Append(" {\n");
                    Member(sb, g.First().Member, outer + indent + "    ", g.Key.Align);
                    sb.Append(outer).Append(indent).Append("}\n");
                    kw = "else when";
                }
            }
            sb.Append(outer).Append("}\n");
        }

        public static void Member(StringBuilder sb, ImportedMember m, string indent, int? align)
        {
            Doc(sb, m.Doc, indent);
            sb.Append(indent).Append(m.Text);
            if (align != null) sb.Append(" align(").Append(align.Value.ToString(CultureInfo.InvariantCulture)).Append(')');
            sb.Append(";\n");
        }

        private static string Render(ImportedItem item, string indent)
        {
            var sb = new StringBuilder();
            switch (item.Kind)
            {
                case ItemKind.Constant:
                    Doc(sb, item.Doc, indent);
                    sb.Append(indent).Append("const ").Append(item.Name).Append(" = ").Append(item.Text).Append(";\n");
                    break;
                case ItemKind.Typedef:
                    Doc(sb, item.Doc, indent);
                    sb.Append(indent).Append("typedef ").Append(item.Name).Append(" = ").Append(item.Text).Append(";\n");
                    break;
                case ItemKind.Enum:
                    // Every value written out, as clang computed it: the spec does not depend on counting rules.
                    Doc(sb, item.Doc, indent);
                    sb.Append(indent).Append("enum ").Append(item.Name).Append(" {\n");
                    foreach (var m in item.Members) Member(sb, m, indent + "    ", null);
                    sb.Append(indent).Append("}\n");
                    break;
                default:
                    Record(sb, new List<(AbiTarget, ImportedItem?)> { (null!, item) }, "    ", indent);
                    break;
            }
            return sb.ToString();
        }

        /// <summary>Writes <paramref name="body"/> plainly when every ABI has it, else inside 'when SELECTOR { }'.</summary>
        private static void Wrap(StringBuilder sb, List<AbiTarget> abis, int all, string indent, System.Action<StringBuilder> body)
        {
            if (abis.Count == all)
            {
                body(sb);
                return;
            }
            var inner = new StringBuilder();
            body(inner);
            sb.Append(indent).Append("when ").Append(Selector(abis)).Append(" {\n");
            foreach (var line in inner.ToString().TrimEnd('\n').Split('\n')) sb.Append("    ").Append(line).Append('\n');
            sb.Append(indent).Append("}\n");
        }

        /// <summary>The shortest selector for a set of ABIs: a group name when one fits.</summary>
        public static string Selector(List<AbiTarget> abis)
        {
            var set = abis.Select(a => a.Name).OrderBy(n => n, System.StringComparer.Ordinal).ToList();
            string key = string.Join(",", set);
            return key switch
            {
                "x86_32,x86_64" => "x86",
                "arm32,arm64" => "arm",
                "arm32,x86_32" => "ilp32",
                "arm64,x86_64" => "lp64",
                _ => string.Join(" | ", abis.Select(a => a.Name)),
            };
        }

        private static void Doc(StringBuilder sb, string? doc, string indent)
        {
            if (doc == null) return;
            foreach (var line in doc.Split('\n')) sb.Append(indent).Append("///").Append(line.Length > 0 ? " " : "").Append(line).Append('\n');
        }
    }
}
