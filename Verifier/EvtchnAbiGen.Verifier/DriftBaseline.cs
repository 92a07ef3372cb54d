using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace EvtchnAbiGen.Verifier
{
    /// <summary>Known differences between the specs and older releases' headers (ABI changes Xen made), one
    /// <see cref="Drift.Key"/> per line, '#' comments. As ApiCompat's suppression files: what is listed is reported
    /// as known, not as drift; anything new still fails. Files named *.baseline beside the specs are read.</summary>
    public sealed class DriftBaseline
    {
        public const string Extension = ".baseline";

        private readonly HashSet<string> _keys;

        private DriftBaseline(IEnumerable<string> keys) => _keys = new HashSet<string>(keys, StringComparer.Ordinal);

        public static readonly DriftBaseline Empty = new DriftBaseline(Array.Empty<string>());

        public IEnumerable<string> Keys => _keys;

        public bool Contains(Drift d) => _keys.Contains(d.Key);

        public static DriftBaseline Parse(IEnumerable<string> texts)
            => new DriftBaseline(texts.SelectMany(t => t.Split('\n')).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal)));

        /// <summary>Every *.baseline file in the given spec folders (and beside given spec files), subfolders included.</summary>
        public static DriftBaseline FromSpecPaths(IEnumerable<string> paths)
        {
            var files = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var p in paths)
            {
                string? dir = Directory.Exists(p) ? p : File.Exists(p) ? Path.GetDirectoryName(Path.GetFullPath(p)) : null;
                if (dir == null) continue;
                foreach (var f in Directory.GetFiles(dir, "*" + Extension, Directory.Exists(p) ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly))
                    files.Add(Path.GetFullPath(f));
            }
            return Parse(files.Select(File.ReadAllText));
        }

        /// <summary>A baseline of every difference that fails these runs, grouped by release, for a human to review.</summary>
        public static string Write(IReadOnlyList<ReleaseReport> releases)
        {
            var sb = new StringBuilder("# Known differences between the specs and older Xen releases' headers (evtchn-abi verify --write-baseline).\n" +
                "# Each line is one difference; verify reports a listed one as known instead of drift.\n");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var r in releases)
            {
                var keys = r.Report.AllDrifts.Concat(r.Report.AllExcused.Where(d => d.Status == DriftStatus.Known))
                    .Select(d => d.Key).Where(seen.Add).ToList();
                if (keys.Count == 0) continue;
                sb.Append("\n# ").Append(r.Name).Append('\n');
                foreach (var k in keys) sb.Append(k).Append('\n');
            }
            return sb.ToString();
        }
    }
}
