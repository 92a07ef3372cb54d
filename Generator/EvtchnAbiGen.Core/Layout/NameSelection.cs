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

    /// <summary>The names of one XenAbi.txt; an empty selection means "everything", as without the file.</summary>
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
            if (IsEverything) return abi;
            var records = new HashSet<string>(StringComparer.Ordinal);
            var constants = new HashSet<string>(StringComparer.Ordinal);
            var words = new HashSet<string>(StringComparer.Ordinal);
            foreach (var n in Names)
            {
                bool found = Match(abi, n.Name, records, constants, words);
                if (!found && !all.Any(a => Match(a, n.Name, new HashSet<string>(), new HashSet<string>(), new HashSet<string>())))
                {
                    var known = all.SelectMany(a => a.Records.Select(r => r.Name).Concat(a.Constants.Select(c => c.Name)).Concat(a.Words.Select(w => w.Name))
                        .Concat(Groups(a))).Distinct();
                    if (!unknown.Any(d => d.Location == n.Location))
                        unknown.Add(SpecDiagnostic.Create(DiagnosticCatalog.UnknownSelectedName, n.Location, n.Name, DidYouMean.Suggest(n.Name, known)));
                }
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

        private static bool Match(AbiLayout abi, string name, HashSet<string> records, HashSet<string> constants, HashSet<string> words)
        {
            bool prefix = name.EndsWith("*", StringComparison.Ordinal);
            string stem = prefix ? name.Substring(0, name.Length - 1) : name;
            bool Is(string candidate) => prefix ? candidate.StartsWith(stem, StringComparison.Ordinal) : candidate == stem;
            int before = records.Count + constants.Count + words.Count;
            foreach (var r in abi.Records) if (Is(r.Name) || Group(r.Location.Path) == name) records.Add(r.Name);
            foreach (var c in abi.Constants) if (Is(c.Name) || Group(c.Location.Path) == name) constants.Add(c.Name);
            foreach (var w in abi.Words) if (Is(w.Name) || Group(w.Location.Path) == name) words.Add(w.Name);
            return records.Count + constants.Count + words.Count > before || Matched(abi, name, Is);
        }

        /// <summary>True when the name is known even though everything it names was already chosen.</summary>
        private static bool Matched(AbiLayout abi, string name, Func<string, bool> isName)
            => abi.Records.Any(r => isName(r.Name) || Group(r.Location.Path) == name)
               || abi.Constants.Any(c => isName(c.Name) || Group(c.Location.Path) == name)
               || abi.Words.Any(w => isName(w.Name) || Group(w.Location.Path) == name);

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
