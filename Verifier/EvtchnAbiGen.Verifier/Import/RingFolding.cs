using System.Collections.Generic;
using System.Linq;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Layout;
using EvtchnAbiGen.Core.Spec;
using EvtchnAbiGen.Core.Util;

namespace EvtchnAbiGen.Verifier.Import
{
    /// <summary>A ring the importer writes as <c>ring NAME(REQ, RSP) [flexible];</c> instead of the records
    /// DEFINE_RING_TYPES expanded to.</summary>
    internal sealed record RingFold(string Name, string Request, string Response, bool Flexible)
    {
        /// <summary>The records and typedefs the ring stands for (the names <see cref="RingTypes"/> gives them).</summary>
        public IEnumerable<string> Names => RingTypes.Names(Name);

        public string Text => $"ring {Name}({Request}, {Response}){(Flexible ? " flexible" : "")};\n";
    }

    /// <summary>Folds the records clang sees after DEFINE_RING_TYPES back into 'ring' declarations. Names only nominate a
    /// ring; it is folded only if the spec's 'ring' lays out exactly as the records it replaces, on every ABI (so a Xen
    /// that changes the macro gets its records written out, never a wrong ring).</summary>
    internal static class RingFolding
    {
        /// <summary>Rings whose seven names are all imported on every ABI, with a slot union of 'REQ req; RSP rsp;' and a
        /// shared page ending in 'ring[1]' or 'ring[]'.</summary>
        public static List<RingFold> Candidates(IReadOnlyList<Dictionary<string, ImportedItem>> perAbi, IReadOnlyCollection<string> skip)
        {
            var found = new List<RingFold>();
            const string suffix = "_sring_entry";
            foreach (var entry in perAbi[0].Values.Where(i => i.Kind == ItemKind.Record && i.Name.EndsWith(suffix, System.StringComparison.Ordinal)))
            {
                string name = entry.Name.Substring(0, entry.Name.Length - suffix.Length);
                var forms = perAbi.Select(d => Nominate(d, name)).Distinct().ToList();
                if (forms.Count == 1 && forms[0] is RingFold ring && !ring.Names.Any(skip.Contains)) found.Add(ring);
            }
            return found.OrderBy(r => r.Name, System.StringComparer.Ordinal).ToList();
        }

        private static RingFold? Nominate(Dictionary<string, ImportedItem> items, string name)
        {
            foreach (var n in RingTypes.Names(name))
                if (!items.ContainsKey(n)) return null;
            var entry = items[RingTypes.Entry(name)];
            if (!entry.IsUnion || entry.Members.Count != 2) return null;
            string? req = TypeOf(entry.Members[0], "req"), rsp = TypeOf(entry.Members[1], "rsp");
            if (req == null || rsp == null) return null;
            var slots = items[RingTypes.Page(name)].Members.LastOrDefault();
            string slotsText = RingTypes.Entry(name) + " ring";
            bool? flexible = slots?.Text == slotsText + "[]" ? true : slots?.Text == slotsText + "[1]" ? false : null;
            if (flexible == null) return null;
            foreach (var record in new[] { RingTypes.Page(name), RingTypes.Front(name), RingTypes.Back(name) })
                if (items[RingTypes.Typedef(record)] is not { Kind: ItemKind.Typedef } td || td.Text != record) return null;
            return new RingFold(name, req, rsp, flexible.Value);
        }

        /// <summary>"T name" with T a plain type name: T.</summary>
        private static string? TypeOf(ImportedMember m, string name)
        {
            if (m.Key != name || m.Align != null || !m.Text.EndsWith(" " + name, System.StringComparison.Ordinal)) return null;
            string type = m.Text.Substring(0, m.Text.Length - name.Length - 1);
            return type.Length > 0 && type.All(c => char.IsLetterOrDigit(c) || c == '_') ? type : null;
        }

        /// <summary>The candidates whose four records lay out, on every ABI, as the records written out do (size,
        /// alignment, every member's name, offset, size, alignment and type shape). <paramref name="context"/>: the
        /// curated specs the imported files refer to.</summary>
        public static List<RingFold> Confirmed(IReadOnlyList<RingFold> candidates, IReadOnlyList<ImportedFile> expanded,
            IReadOnlyList<ImportedFile> folded, IReadOnlyList<SpecFile> context)
        {
            var records = candidates.ToDictionary(r => r.Name, r => RingTypes.Records(r.Name));
            // Only the rings' records and what they use are laid out (as for a XenAbi.txt naming them).
            var only = new NameSelection(records.Values.SelectMany(n => n).Select(n => new SelectedName(n, new SpecLocation("import", 0, 0, 0, 0, 0, 0))).ToEquatableArray());
            // A file the folding left as it was is parsed once, for both layouts.
            var parsed = new Dictionary<(string, string), SpecFile>();
            var before = Layout(expanded, context, only, parsed);
            var after = Layout(folded, context, only, parsed);
            return candidates.Where(ring => before.Zip(after, (b, a) => records[ring.Name]
                    .All(n => b.FindRecord(n) is RecordLayout x && a.FindRecord(n) is RecordLayout y && Shape(b, x) == Shape(a, y))).All(ok => ok))
                .ToList();
        }

        private static IReadOnlyList<AbiLayout> Layout(IReadOnlyList<ImportedFile> files, IReadOnlyList<SpecFile> context, NameSelection only,
            Dictionary<(string, string), SpecFile> parsed)
        {
            SpecFile Parse(ImportedFile f)
            {
                if (!parsed.TryGetValue((f.Path, f.Text), out var file))
                    parsed[(f.Path, f.Text)] = file = Parser.Parse("import:" + f.Path, f.Text) with { OnDemand = true };
                return file;
            }
            return LayoutEngine.Run(files.Select(Parse).Concat(context).ToList(), selection: only).Abis;
        }

        /// <summary>What C's layout of a record is: its size and alignment, and every member along the offsetof walk
        /// (<see cref="FieldPaths"/>) with its offset, size, alignment, dimensions, bits and integer signedness; not the
        /// names of integer types (RING_IDX is uint32_t), docs, locations or annotations.</summary>
        private static string Shape(AbiLayout abi, RecordLayout r)
            => $"{(r.IsUnion ? "u" : "s")}{r.Size}/{r.Align}:" + string.Join(";", FieldPaths.Flatten(abi, r).Select(p =>
                $"{p.Path}@{p.Offset}:{p.Size}/{p.Field.Align}[{string.Join(",", p.Field.Dimensions)}]{p.Field.Bitfield}" +
                (p.Field.Type.Kind == FieldTypeKind.Integer ? (p.Field.Type.Signed ? "s" : "u") : "")));
    }
}
