using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Util;

namespace EvtchnAbiGen.Core.Layout
{
    /// <summary>One name a consumer asks for in XenAbi.txt (as CsWin32's NativeMethods.txt): a record, a constant, a
    /// word, a spec group (a spec file's name without .abi, e.g. xen-fifo), or a prefix ending in '*'.</summary>
    public sealed record SelectedName(string Name, SpecLocation Location);

    /// <summary>The names of one XenAbi.txt; an empty selection means "the default", as without the file: every
    /// declaration but those of 'on_demand' spec files.</summary>
    public sealed record NameSelection(EquatableArray<SelectedName> Names)
    {
        public const string FileName = "XenAbi.txt";

        public static readonly NameSelection Everything = new NameSelection(EquatableArray<SelectedName>.Empty);

        public bool IsEverything => Names.Count == 0;

        /// <summary>One name per line; '//' and '#' start comments; blank lines are skipped.</summary>
        public static NameSelection Parse(string path, string text)
        {
            var names = new List<SelectedName>();
            int start = 0, line = 0;
            foreach (var raw in text.Split('\n'))
            {
                string content = raw.TrimEnd('\r');
                int cut = content.IndexOf("//", StringComparison.Ordinal);
                if (cut >= 0) content = content.Substring(0, cut);
                cut = content.IndexOf('#');
                if (cut >= 0) content = content.Substring(0, cut);
                string name = content.Trim();
                if (name.Length > 0)
                {
                    int col = content.IndexOf(name, StringComparison.Ordinal);
                    names.Add(new SelectedName(name, new SpecLocation(path, start + col, name.Length, line, col, line, col + name.Length)));
                }
                start += raw.Length + 1;
                line++;
            }
            return new NameSelection(names.ToEquatableArray());
        }

        /// <summary>The ABI's layout cut down to the names asked for and everything they use (records of fields,
        /// nested records, words). Unknown names (on every ABI of the set) come back in <paramref name="unknown"/>,
        /// with a did-you-mean.</summary>
        public AbiLayout Apply(AbiLayout abi, IReadOnlyList<AbiLayout> all, List<SpecDiagnostic> unknown)
        {
            var onDemand = new HashSet<string>(abi.Files.Where(f => f.OnDemand).Select(f => f.Path), StringComparer.Ordinal);
            if (IsEverything && onDemand.Count == 0) return abi;
            var records = new HashSet<string>(StringComparer.Ordinal);
            var constants = new HashSet<string>(StringComparer.Ordinal);
            var words = new HashSet<string>(StringComparer.Ordinal);
            if (IsEverything)
            {
                // Without XenAbi.txt: everything but the 'on_demand' files (and what the rest uses from them).
                bool Default(SpecLocation where) => !onDemand.Contains(where.Path);
                records.UnionWith(abi.Records.Where(r => Default(r.Location)).Select(r => r.Name));
                constants.UnionWith(abi.Constants.Where(c => Default(c.Location)).Select(c => c.Name));
                words.UnionWith(abi.Words.Where(w => Default(w.Location)).Select(w => w.Name));
            }
            foreach (var n in Names)
            {
                if (Add(abi, n.Name, records, constants, words) || all.Any(a => Matching(a, n.Name).Any())) continue;
                var known = all.SelectMany(a => a.Records.Select(r => r.Name).Concat(a.Constants.Select(c => c.Name)).Concat(a.Words.Select(w => w.Name))
                    .Concat(Groups(a))).Distinct();
                if (!unknown.Any(d => d.Location == n.Location))
                    unknown.Add(SpecDiagnostic.Create(DiagnosticCatalog.UnknownSelectedName, n.Location, n.Name, DidYouMean.Suggest(n.Name, known)));
            }
            // Close over what the chosen records use.
            var queue = new Queue<string>(records);
            while (queue.Count > 0)
            {
                var r = abi.FindRecord(queue.Dequeue());
                if (r == null) continue;
                foreach (var dep in Uses(r))
                {
                    if (dep.Word) words.Add(dep.Name);
                    else if (records.Add(dep.Name)) queue.Enqueue(dep.Name);
                }
            }
            return abi with
            {
                Records = abi.Records.Where(r => records.Contains(r.Name)).ToEquatableArray(),
                Constants = abi.Constants.Where(c => constants.Contains(c.Name)).ToEquatableArray(),
                Words = abi.Words.Where(w => words.Contains(w.Name)).ToEquatableArray(),
            };
        }

        private static IEnumerable<string> Groups(AbiLayout a)
            => a.Records.Select(r => r.Location.Path).Concat(a.Constants.Select(c => c.Location.Path)).Select(Group).Distinct();

        private static string Group(string path) => Path.GetFileNameWithoutExtension(path);

        /// <summary>Adds what <paramref name="name"/> names on this ABI; false when it names nothing here.</summary>
        private static bool Add(AbiLayout abi, string name, HashSet<string> records, HashSet<string> constants, HashSet<string> words)
        {
            bool any = false;
            foreach (var (kind, match) in Matching(abi, name))
            {
                any = true;
                (kind == 'r' ? records : kind == 'c' ? constants : words).Add(match);
            }
            return any;
        }

        /// <summary>The records ('r'), constants ('c') and words ('w') a name, a prefix ending in '*' or a spec group names.</summary>
        private static IEnumerable<(char Kind, string Name)> Matching(AbiLayout abi, string name)
        {
            bool prefix = name.EndsWith("*", StringComparison.Ordinal);
            string stem = prefix ? name.Substring(0, name.Length - 1) : name;
            bool Is(string candidate, SpecLocation where)
                => (prefix ? candidate.StartsWith(stem, StringComparison.Ordinal) : candidate == stem) || Group(where.Path) == name;
            foreach (var r in abi.Records) if (Is(r.Name, r.Location)) yield return ('r', r.Name);
            foreach (var c in abi.Constants) if (Is(c.Name, c.Location)) yield return ('c', c.Name);
            foreach (var w in abi.Words) if (Is(w.Name, w.Location)) yield return ('w', w.Name);
        }

        private static IEnumerable<(string Name, bool Word)> Uses(RecordLayout r)
        {
            foreach (var f in r.Fields)
            {
                if (f.Type.WordName != null) yield return (f.Type.WordName, true);
                else if (f.Type.Kind == FieldTypeKind.Record) yield return (f.Type.CName, false);
                else if (f.Type.Inline != null)
                    foreach (var d in Uses(f.Type.Inline)) yield return d;
            }
        }
    }
}
