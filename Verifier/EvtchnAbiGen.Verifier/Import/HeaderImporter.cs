using System.Collections.Generic;
using System.IO;
using System.Linq;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Layout;

namespace EvtchnAbiGen.Verifier.Import
{
    /// <summary>`evtchn-abi import`: parses the named headers once per ABI with libclang and writes one spec
    /// that describes all four, deterministic for the same headers.</summary>
    public static class HeaderImporter
    {
        /// <summary>Every public header under <paramref name="dir"/> that compiles on its own for x86_64 and arm64 with
        /// <paramref name="defines"/> (so toolstack-only headers join with __XEN_TOOLS__, and Linux's ioctl headers and
        /// one-architecture headers stay out): what --all imports. The arch-* headers come in through xen.h.</summary>
        public static IReadOnlyList<string> AllHeaders(string dir, IReadOnlyList<string> defines)
        {
            string full = Path.GetFullPath(dir);
            var candidates = Directory.EnumerateFiles(full, "*.h", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(full, p).Replace('\\', '/'))
                .Where(p => !p.StartsWith("arch-", System.StringComparison.Ordinal) && !p.StartsWith("foreign/", System.StringComparison.Ordinal)
                            && !p.StartsWith("sys/", System.StringComparison.Ordinal) && !p.Contains("/arch-"))
                .OrderBy(p => p, System.StringComparer.Ordinal).ToList();
            return candidates.Where(h => new[] { AbiTarget.X86_64, AbiTarget.Find("arm64")! }
                .All(t => AbiImportReader.Compiles(t, full, h, defines))).ToList();
        }

        /// <summary>The output file of a declaration found in <paramref name="file"/>: its header's, or the first named
        /// header's for one from outside the folder (the interface version, stdint).</summary>
        private static string Group(string dir, string file, IReadOnlyList<string> headers)
        {
            string rel = file.Length == 0 ? "" : Path.GetRelativePath(dir, file).Replace('\\', '/');
            return SpecText.Output(rel.Length == 0 || rel.StartsWith("..", System.StringComparison.Ordinal) || Path.IsPathRooted(rel) ? headers[0] : rel);
        }

        private static string Relative(string dir, string header, string given)
        {
            if (!Path.IsPathRooted(header)) return header;
            string rel = Path.GetRelativePath(dir, header).Replace('\\', '/');
            if (rel.StartsWith("..", System.StringComparison.Ordinal) || Path.IsPathRooted(rel))
                throw new VerifierSetupException($"{header}: not under {given}; name headers relative to --headers (e.g. io/netif.h)");
            return rel;
        }

        /// <summary>Refuses, before any parse, what would compile as something else (an unknown word in #if is 0) or
        /// be written as a spec line the spec language refuses.</summary>
        private static void Validate(ImportOptions o, long? latest)
        {
            foreach (var d in o.Defines)
            {
                string name = d.Split('=')[0];
                if (!System.Text.RegularExpressions.Regex.IsMatch(name, "^[A-Za-z_][A-Za-z0-9_]*$"))
                    throw new VerifierSetupException($"--define '{d}': NAME[=VALUE] must start with a C identifier");
                if (d.Any(c => char.IsWhiteSpace(c) || c == '"'))
                    throw new VerifierSetupException($"--define '{d}': the spec records defines as 'define \"NAME=VALUE\";', without spaces or quotes; write the value without them");
            }
            if (o.InterfaceVersion == "__XEN_LATEST_INTERFACE_VERSION__") return;
            string v = o.InterfaceVersion.Trim();
            bool hex = v.StartsWith("0x", System.StringComparison.OrdinalIgnoreCase);
            if (!long.TryParse(hex ? v.Substring(2) : v, hex ? System.Globalization.NumberStyles.AllowHexSpecifier : System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out long version))
                throw new VerifierSetupException($"--interface-version '{o.InterfaceVersion}' is not a number; give one such as 0x00040e00 (Xen 4.14)");
            if (latest is long l && version > l)
                throw new VerifierSetupException($"--interface-version 0x{version:x8} is newer than these headers support (their __XEN_LATEST_INTERFACE_VERSION__ is 0x{l:x8})");
        }

        public static ImportResult Import(ImportOptions o)
        {
            string dir = Path.GetFullPath(o.HeadersDir);
            if (!Directory.Exists(dir)) throw new VerifierSetupException($"header folder not found: {o.HeadersDir}");
            // The spec names its headers relative to the folder ('header "io/netif.h";'), so verify can find them anywhere.
            o = o with { Headers = o.Headers.Select(h => Relative(dir, h, o.HeadersDir)).ToList() };
            foreach (var h in o.Headers)
                if (!File.Exists(Path.Combine(dir, h)))
                    throw new VerifierSetupException($"{h}: no such header under {o.HeadersDir}");
            Validate(o, HeaderSet.ReadLatestInterfaceVersion(dir));
            var options = o with { HeadersDir = dir, Skip = o.Skip.Concat(o.Curated.SelectMany(f => f.DeclaredNames())).ToHashSet(System.StringComparer.Ordinal) };
            var abis = AbiTarget.All.ToList();
            var readers = abis.Select(a => new AbiImportReader(a, options)).ToList();
            foreach (var r in readers) r.Read();
            // C order: the files in the order the first ABI's parse met them, then line by line.
            var perAbi = readers.Select(r => r.Items).ToList();
            long? latest = HeaderSet.ReadLatestInterfaceVersion(dir);
            IReadOnlyList<ImportedFile> Write(IReadOnlyList<RingFold> rings, out (int Records, int Typedefs, int Constants, int Skipped, int Enums) counts)
                => SpecText.Write(options, abis, perAbi, i => (readers[0].FileOrder(i.File), i.Line), i => Group(dir, i.File, options.Headers), latest, rings, out counts);
            var checkedOut = new List<ImportProblem>();
            IReadOnlyList<ImportedFile> files;
            IReadOnlyList<RingFold> rings;
            (int Records, int Typedefs, int Constants, int Skipped, int Enums) counts;
            for (int round = 0; ; round++)
            {
                files = Write(System.Array.Empty<RingFold>(), out counts);
                // DEFINE_RING_TYPES's records become 'ring' declarations where the ring lays out as they do.
                rings = RingFolding.Candidates(perAbi, options.Skip);
                if (rings.Count > 0)
                {
                    var folded = Write(rings, out _);
                    var confirmed = RingFolding.Confirmed(rings, files, folded, o.Curated);
                    files = confirmed.Count == rings.Count ? folded : confirmed.Count > 0 ? Write(confirmed, out _) : files;
                    rings = confirmed;
                }
                // Never a silently wrong layout: what lays out unlike C on any ABI is left out, with why.
                var wrong = ImportSelfCheck.Differences(files, options, n => readers.Any(r => r.Find(n) != null)).ToList();
                if (wrong.Count == 0) break;
                if (round == 3)
                    throw new VerifierSetupException($"the imported spec still differs from the headers after leaving out what differed: {wrong[0].Key}: {wrong[0].Value}");
                foreach (var (name, why) in wrong)
                {
                    var item = readers.Select(r => r.Find(name)).First(i => i != null)!;
                    string? hint = readers.Select(r => r.LayoutAttributes(name)).FirstOrDefault(h => h != null);
                    string kind = item.Kind switch { ItemKind.Record => item.IsUnion ? "union" : "struct", ItemKind.Enum => "enum", ItemKind.Typedef => "typedef", _ => "constant" };
                    checkedOut.Add(new ImportProblem(DiagnosticIds.ImportUnsupported, item.File, item.Line, 1,
                        $"{kind} {name} {why}{(hint != null ? $"; it has {hint}, which the spec language cannot express" : "")}; it is left out"));
                }
                foreach (var r in readers) r.LeaveOut(wrong.Select(w => w.Key));
            }
            var problems = readers.SelectMany(r => r.Problems).Concat(checkedOut).GroupBy(p => (p.File, p.Line, p.Message)).Select(g => g.First())
                .OrderBy(p => p.File, System.StringComparer.Ordinal).ThenBy(p => p.Line).ToList();
            return new ImportResult(files, problems, counts.Records, counts.Typedefs, counts.Constants, counts.Skipped) { Enums = counts.Enums, Rings = rings.Count };
        }
    }
}
