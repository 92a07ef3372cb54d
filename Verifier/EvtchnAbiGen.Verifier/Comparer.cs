using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvtchnAbiGen.Core.Layout;

namespace EvtchnAbiGen.Verifier
{
    /// <summary>Pure comparison of the engine's layout with clang's, for one ABI.</summary>
    public static class Comparer
    {
        public static List<Drift> Compare(AbiLayout spec, CAbiLayout c)
        {
            var drifts = new List<Drift>();
            string abi = spec.Target.Name;
            foreach (var r in spec.Records)
            {
                if (!c.Records.TryGetValue(r.Name, out var cr))
                {
                    drifts.Add(new Drift(abi, r.Name, null, null, DriftKind.StructMissingInC, "-", "-", r.Location, null, 0));
                    continue;
                }
                if (cr.Size != r.Size) drifts.Add(new Drift(abi, r.Name, null, null, DriftKind.Size, N(cr.Size), N(r.Size), r.Location, cr.File, cr.Line));
                if (cr.Align != r.Align) drifts.Add(new Drift(abi, r.Name, null, null, DriftKind.Alignment, N(cr.Align), N(r.Align), r.Location, cr.File, cr.Line));

                var specFields = FieldPaths.Flatten(spec, r);
                var cFields = cr.Fields.GroupBy(f => f.Path).ToDictionary(g => g.Key, g => g.First());
                var specPaths = new HashSet<string>(specFields.Select(f => f.Path));
                // A spec handle<T> stands for the whole XEN_GUEST_HANDLE (x86's struct { T *p; }, ARM's union with q):
                // its size and offset are compared, not the members inside it.
                var handles = specFields.Where(f => f.Field.Type.CName.StartsWith("handle<", System.StringComparison.Ordinal)).Select(f => f.Path + ".").ToList();
                foreach (var f in specFields)
                {
                    if (!cFields.TryGetValue(f.Path, out var cf))
                    {
                        drifts.Add(new Drift(abi, r.Name, f.Path, null, DriftKind.MissingInC, "-", N(f.Offset), f.Field.Location, null, 0));
                        continue;
                    }
                    if (cf.Offset != f.Offset)
                        drifts.Add(new Drift(abi, r.Name, f.Path, null, DriftKind.FieldOffset, N(cf.Offset), N(f.Offset), f.Field.Location, cf.File, cf.Line));
                    if (cf.Size != f.Size)
                        drifts.Add(new Drift(abi, r.Name, f.Path, null, DriftKind.FieldSize, N(cf.Size), N(f.Size), f.Field.Location, cf.File, cf.Line));
                    // A bitfield's place is its bits, which the byte offset and the unit's size do not pin down.
                    int width = f.Field.Bitfield?.Width ?? 0;
                    if ((cf.BitWidth != 0 || width != 0) && (cf.BitWidth != width || cf.BitOffset != f.BitOffset))
                        drifts.Add(new Drift(abi, r.Name, f.Path, null, DriftKind.FieldBits, Bits(cf.BitOffset, cf.BitWidth), Bits(f.BitOffset, width),
                            f.Field.Location, cf.File, cf.Line));
                }
                foreach (var cf in cr.Fields)
                    if (!specPaths.Contains(cf.Path) && !handles.Any(h => cf.Path.StartsWith(h, System.StringComparison.Ordinal)))
                        drifts.Add(new Drift(abi, r.Name, cf.Path, null, DriftKind.MissingInSpec, N(cf.Offset), "-", r.Location, cf.File, cf.Line));
            }
            foreach (var e in spec.Enums)
            {
                string row = Drift.EnumPrefix + e.Name;
                if (!c.Enums.TryGetValue(e.Name, out var ce))
                {
                    drifts.Add(new Drift(abi, row, null, null, DriftKind.StructMissingInC, "-", "-", e.Location, null, 0));
                }
                else
                {
                    if (ce.Size != e.Size) drifts.Add(new Drift(abi, row, null, null, DriftKind.Size, N(ce.Size), N(e.Size), e.Location, ce.File, ce.Line));
                    if (ce.Align != e.Align) drifts.Add(new Drift(abi, row, null, null, DriftKind.Alignment, N(ce.Align), N(e.Align), e.Location, ce.File, ce.Line));
                }
                // Enumerators are C constants: their values are checked as constants are.
                foreach (var m in e.Members) CompareConstant(abi, m.Name, m.Value, m.Location, c, drifts);
            }
            foreach (var k in spec.Constants) CompareConstant(abi, k.Name, k.Value, k.Location, c, drifts);
            return drifts;
        }

        private static void CompareConstant(string abi, string name, long value, Core.Diagnostics.SpecLocation at, CAbiLayout c, List<Drift> drifts)
        {
            if (!c.Constants.TryGetValue(name, out long v))
                drifts.Add(new Drift(abi, null, null, name, DriftKind.ConstantMissingInC, "-", N(value), at, null, 0));
            else if (v != value)
                drifts.Add(new Drift(abi, null, null, name, DriftKind.ConstantValue, N(v), N(value), at, null, 0));
        }

        private static string N(long v) => v.ToString(CultureInfo.InvariantCulture);

        /// <summary>"bit 3, width 5" (the lowest bit, from the outer record's start), or "not a bitfield".</summary>
        private static string Bits(long offset, int width) => width == 0 ? "not a bitfield" : $"bit {N(offset)}, width {N(width)}";
    }
}
