using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvtchnAbiGen.Core.Diagnostics;

namespace EvtchnAbiGen.Core.Layout
{
    /// <summary>EAG0020: members whose offset or size differs between the ABIs laid out (the 32/64-bit
    /// divergence a backend shared across ABIs must handle). One note per member, with each ABI's numbers.
    /// Members of named records are reported on those records; members present on only some ABIs (when
    /// blocks) are by design and not reported.</summary>
    public static class Divergence
    {
        public static IEnumerable<SpecDiagnostic> Report(IReadOnlyList<AbiLayout> abis)
        {
            if (abis.Count < 2) yield break;
            foreach (var record in abis[0].Records.Where(r => !r.IsInline))
            {
                var perAbi = abis.Select(a => (abi: a.Target.Name, record: a.FindRecord(record.Name))).ToList();
                if (perAbi.Any(x => x.record == null)) continue;
                // Duplicate names (already EAG0005) must not make this throw: the first of each path counts.
                var ordered = Members(record, 0, "").GroupBy(m => m.Path).Select(g => g.First()).ToList();
                var members = perAbi.Select(x => Members(x.record!, 0, "").GroupBy(m => m.Path).ToDictionary(g => g.Key, g => g.First())).ToList();
                foreach (var first in ordered)
                {
                    string path = first.Path;
                    var numbers = members.Select(m => m.TryGetValue(path, out var v) ? v : null).ToList();
                    if (numbers.Any(n => n == null)) continue;
                    if (numbers.All(n => n!.Offset == first.Offset && n.Size == first.Size)) continue;
                    // Grouped by the numbers' text, in order of first appearance: "offset 4 size 4 on x86_32/arm32".
                    string list = string.Join("; ", Enumerable.Range(0, numbers.Count)
                        .GroupBy(i => $"offset {Str(numbers[i]!.Offset)} size {Str(numbers[i]!.Size)}")
                        .Select(g => $"{g.Key} on {string.Join("/", g.Select(i => perAbi[i].abi))}"));
                    yield return SpecDiagnostic.Create(DiagnosticCatalog.AbiDivergence, first.At, path, record.IsUnion ? "union" : "struct", record.Name, list);
                }
            }
        }

        /// <summary>A member's numbers. A class, not a tuple: value types in generic collections and LINQ are
        /// JIT-compiled per instantiation on a build's first run (docs/performance.md).</summary>
        private sealed class Member
        {
            public Member(string path, int offset, int size, SpecLocation at) { Path = path; Offset = offset; Size = size; At = at; }

            public string Path { get; }
            public int Offset { get; }
            public int Size { get; }
            public SpecLocation At { get; }
        }

        /// <summary>The record's members by C path, into anonymous and inline records but not named ones.</summary>
        private static List<Member> Members(RecordLayout r, int baseOffset, string prefix)
        {
            var list = new List<Member>();
            foreach (var f in r.Fields)
            {
                int offset = baseOffset + f.Offset;
                string path = f.Name == null ? prefix : prefix + f.Name;
                if (f.Name != null) list.Add(new Member(path, offset, f.Size, f.Location));
                if (f.Type.Kind == FieldTypeKind.InlineRecord && !f.IsArray)
                    list.AddRange(Members(f.Type.Inline!, offset, f.Name == null ? prefix : path + "."));
            }
            return list;
        }

        private static string Str(int v) => v.ToString(CultureInfo.InvariantCulture);
    }
}
