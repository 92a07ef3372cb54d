using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using EvtchnAbiGen.Core.Layout;

namespace EvtchnAbiGen.Core.Emit
{
    /// <summary>A human-readable layout report: per ABI, each struct with offsets, sizes and implicit padding.</summary>
    public static class LayoutTableWriter
    {
        public static string Write(IEnumerable<AbiLayout> abis)
        {
            var sb = new StringBuilder();
            foreach (var abi in abis)
            {
                sb.Append("== ").Append(abi.Target.Name).Append(" (").Append(abi.Target.ClangTriple).Append(", C# namespace ")
                  .Append(abi.Namespace).Append('.').Append(abi.Target.CSharpName).Append(")\n\n");
                foreach (var r in abi.Records)
                {
                    sb.Append(r.IsUnion ? "union " : "struct ").Append(r.Name)
                      .Append("  size ").Append(r.Size).Append("  align ").Append(r.Align);
                    int pad = r.Padding.Sum(p => p.Length);
                    if (pad > 0) sb.Append("  implicit padding ").Append(pad).Append(" byte(s)");
                    sb.Append('\n');
                    sb.Append("  offset   size  field\n");
                    var rows = FieldPaths.Flatten(abi, r);
                    foreach (var p in rows)
                    {
                        sb.Append(string.Format(CultureInfo.InvariantCulture, "  {0,6} {1,6}  {2}{3}{4}\n",
                            p.Offset, p.Size, new string(' ', p.Depth * 2), p.Path, Describe(p)));
                    }
                    foreach (var g in r.Padding)
                        sb.Append(string.Format(CultureInfo.InvariantCulture, "  {0,6} {1,6}  (padding)\n", g.Offset, g.Length));
                    sb.Append('\n');
                }
                if (abi.Words.Count > 0)
                {
                    foreach (var w in abi.Words)
                    {
                        sb.Append("word ").Append(w.Name).Append("  ").Append(w.Size * 8).Append(" bits")
                          .Append(w.Shared ? "  shared" : "").Append('\n');
                        foreach (var b in w.Bits)
                            sb.Append(string.Format(CultureInfo.InvariantCulture, "  {0,-10} {1,-8} mask 0x{2:X}\n",
                                b.Name, b.Width == 1 ? $"bit {b.Low}" : $"{b.Low}..{b.High}", b.Mask));
                    }
                    sb.Append('\n');
                }
                sb.Append("constants\n");
                foreach (var c in abi.Constants)
                    sb.Append(string.Format(CultureInfo.InvariantCulture, "  {0,-34} {1}\n", c.Name, c.Value));
                sb.Append('\n');
            }
            var all = abis.ToList();
            if (all.Count > 1)
            {
                var portability = Portability.Compute(all);
                sb.Append("portability across ").Append(string.Join(", ", all.Select(a => a.Target.Name))).Append('\n');
                sb.Append("  identical (safe under AnyCPU): ").Append(Names(portability.Where(p => p.Identical))).Append('\n');
                sb.Append("  same size and offsets, alignment differs: ").Append(Names(portability.Where(p => p.SameSizeAndOffsets && !p.SameAlignment))).Append('\n');
                sb.Append("  layout differs: ").Append(Names(portability.Where(p => !p.SameSizeAndOffsets))).Append('\n');
            }
            return sb.ToString();
        }

        private static string Names(IEnumerable<PortableRecord> records)
        {
            var names = records.Select(r => r.Name).ToList();
            return names.Count == 0 ? "(none)" : string.Join(", ", names);
        }

        private static string Describe(FieldPath p)
        {
            var f = p.Field;
            var parts = new List<string>();
            string type = f.Type.Kind == FieldTypeKind.InlineRecord ? (f.Type.Inline!.IsUnion ? "union {...}" : "struct {...}") : f.Type.CName;
            parts.Add(type + string.Concat(f.Dimensions.Select(d => $"[{d}]")));
            if (f.Bitfield is { } bf) parts.Add($"bitfield :{bf.Width}, bits {p.BitOffset}..{p.BitOffset + bf.Width - 1}");
            if (f.Flags.HasFlag(Spec.FieldFlags.Bitmap)) parts.Add("bitmap");
            else if (f.Flags.HasFlag(Spec.FieldFlags.Shared)) parts.Add("shared");
            if (f.Flags.HasFlag(Spec.FieldFlags.Reserved)) parts.Add("reserved");
            return "  : " + string.Join(", ", parts);
        }
    }
}
