using System.Collections.Generic;
using System.Linq;
using EvtchnAbiGen.Core.Util;

namespace EvtchnAbiGen.Core.Layout
{
    /// <summary>Whether a struct has one layout on every ABI laid out (CsWin32's most asked-for feature:
    /// knowing when an arch-specific type is safe under AnyCPU).</summary>
    public sealed record PortableRecord(string Name, bool SameSizeAndOffsets, bool SameAlignment)
    {
        public bool Identical => SameSizeAndOffsets && SameAlignment;
    }

    public static class Portability
    {
        /// <summary>Compares each struct's size and every member's path, offset and size (and, separately,
        /// its alignment) across <paramref name="abis"/>. Structs missing on some ABI are not portable.</summary>
        public static EquatableArray<PortableRecord> Compute(IReadOnlyList<AbiLayout> abis)
        {
            if (abis.Count == 0) return EquatableArray<PortableRecord>.Empty;
            var result = new List<PortableRecord>();
            foreach (var r in abis[0].Records)
            {
                var shape = Shape(abis[0], r);
                bool sameShape = true, sameAlign = true;
                foreach (var other in abis.Skip(1))
                {
                    var o = other.FindRecord(r.Name);
                    if (o == null)
                    {
                        sameShape = sameAlign = false;
                        break;
                    }
                    sameShape &= o.Size == r.Size && Shape(other, o) == shape;
                    sameAlign &= o.Align == r.Align;
                }
                result.Add(new PortableRecord(r.Name, sameShape, sameAlign));
            }
            return result.ToEquatableArray();
        }

        private static string Shape(AbiLayout abi, RecordLayout r)
            => string.Join(";", FieldPaths.Flatten(abi, r).Select(p => $"{p.Path}@{p.Offset}:{p.Size}" +
                (p.Field.Bitfield is { } bf ? $"/bit{p.BitOffset}+{bf.Width}" : "")));
    }
}
