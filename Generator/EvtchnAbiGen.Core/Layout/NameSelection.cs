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

        /// <summary>Whether a declaration (name, spec file path) is asked for: by its name, a prefix ending in '*', or its
        /// file's group. Names and groups are in hash sets and each path's group is computed once. (A function, not a field
        /// of this record, which must stay value-equatable.)</summary>
        public Func<string, string, bool> Matcher()
        {
            var exact = new HashSet<string>(Names.Where(n => !n.Name.EndsWith("*", StringComparison.Ordinal)).Select(n => n.Name), StringComparer.Ordinal);
            var prefixes = Names.Where(n => n.Name.EndsWith("*", StringComparison.Ordinal)).Select(n => n.Name.Substring(0, n.Name.Length - 1)).ToArray();
            var groups = new Dictionary<string, bool>(StringComparer.Ordinal);
            return (name, path) =>
            {
                if (exact.Contains(name)) return true;
                foreach (var p in prefixes)
                    if (name.StartsWith(p, StringComparison.Ordinal)) return true;
                if (!groups.TryGetValue(path, out bool inGroup))
                {
                    string group = Group(path);
                    groups[path] = inGroup = Names.Any(n => n.Name == group);
                }
                return inGroup;
            };
        }

        /// <summary>EAG0030, with a did-you-mean, for each name that names no record, enum, enumerator, constant, word or group declared in
        /// <paramref name="files"/> on any ABI (both sides of every 'when').</summary>
        public IEnumerable<SpecDiagnostic> UnknownNames(IReadOnlyList<Spec.SpecFile> files)
        {
            if (IsEverything) yield break;
            var declared = files.SelectMany(f => f.SelectableNames().Select(n => (Name: n, f.Path))).ToList();
            List<string>? known = null;
            foreach (var n in Names)
            {
                var selects = new NameSelection(new[] { n }.ToEquatableArray()).Matcher();
                if (declared.Any(d => selects(d.Name, d.Path))) continue;
                known ??= declared.Select(d => d.Name).Concat(files.Select(f => Group(f.Path))).Distinct().ToList();
                yield return SpecDiagnostic.Create(DiagnosticCatalog.UnknownSelectedName, n.Location, n.Name, DidYouMean.Suggest(n.Name, known));
            }
        }

        /// <summary>A declaration is asked for by its name or by a name that stands for it: an enum by one of its
        /// enumerators' (C code names those).</summary>
        public static bool SelectsAny(Func<string, string, bool> selects, string name, IEnumerable<string> aliases, string path)
            => selects(name, path) || aliases.Any(m => selects(m, path));

        /// <summary>A record is asked for by its name, or, if a 'ring' made it, by the ring's.</summary>
        public static bool SelectsRecord(Func<string, string, bool> selects, string name, string? ring, string path)
            => selects(name, path) || (ring != null && selects(ring, path));

        /// <summary>The ABI's layout cut down to the names asked for and everything they use (records of fields,
        /// nested records, words).</summary>
        public AbiLayout Apply(AbiLayout abi)
        {
            var onDemand = new HashSet<string>(abi.Files.Where(f => f.OnDemand).Select(f => f.Path), StringComparer.Ordinal);
            if (IsEverything && onDemand.Count == 0) return abi;
            // Without XenAbi.txt: everything but the 'on_demand' files (and what the rest uses from them).
            var selects = Matcher();
            bool Wanted(string name, SpecLocation where) => IsEverything ? !onDemand.Contains(where.Path) : selects(name, where.Path);
            var records = new HashSet<string>(abi.Records.Where(r => IsEverything ? Wanted(r.Name, r.Location)
                : SelectsRecord(selects, r.Name, r.Ring, r.Location.Path)).Select(r => r.Name), StringComparer.Ordinal);
            var constants = new HashSet<string>(abi.Constants.Where(c => Wanted(c.Name, c.Location)).Select(c => c.Name), StringComparer.Ordinal);
            var words = new HashSet<string>(abi.Words.Where(w => Wanted(w.Name, w.Location)).Select(w => w.Name), StringComparer.Ordinal);
            var enums = new HashSet<string>(abi.Enums.Where(e => IsEverything ? Wanted(e.Name, e.Location)
                : SelectsAny(selects, e.Name, e.Members.Select(m => m.Name), e.Location.Path)).Select(e => e.Name), StringComparer.Ordinal);
            // Close over what the chosen records use.
            var byName = new Dictionary<string, RecordLayout>(StringComparer.Ordinal);
            foreach (var r in abi.Records) byName[r.Name] = r;
            var queue = new Queue<string>(records);
            while (queue.Count > 0)
            {
                if (!byName.TryGetValue(queue.Dequeue(), out var r)) continue;
                foreach (var dep in r.Uses())
                {
                    if (dep.Kind == UseKind.Word) words.Add(dep.Name);
                    else if (dep.Kind == UseKind.Enum) enums.Add(dep.Name);
                    else if (records.Add(dep.Name)) queue.Enqueue(dep.Name);
                }
            }
            return abi with
            {
                Records = abi.Records.Where(r => records.Contains(r.Name)).ToEquatableArray(),
                Constants = abi.Constants.Where(c => constants.Contains(c.Name)).ToEquatableArray(),
                Words = abi.Words.Where(w => words.Contains(w.Name)).ToEquatableArray(),
                Enums = abi.Enums.Where(e => enums.Contains(e.Name)).ToEquatableArray(),
            };
        }

        private static string Group(string path) => Path.GetFileNameWithoutExtension(path);
    }
}
