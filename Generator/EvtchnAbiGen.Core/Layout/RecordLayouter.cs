using System;
using System.Collections.Generic;
using System.Linq;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Spec;
using EvtchnAbiGen.Core.Util;

namespace EvtchnAbiGen.Core.Layout
{
    /// <summary>Structs and unions by the C rules every supported psABI shares: members in order, each at the
    /// next multiple of its alignment (unions at 0), bitfields packed by <see cref="RecordCursor"/>'s rules, size
    /// rounded up to the largest alignment; padding gaps recorded; each record laid out once, self-containment
    /// reported as a cycle.</summary>
    internal sealed class RecordLayouter
    {
        private readonly AbiContext _cx;
        private readonly Dictionary<string, RecordLayout?> _done = new Dictionary<string, RecordLayout?>();
        private readonly List<string> _layingOut = new List<string>();

        public RecordLayouter(AbiContext cx) => _cx = cx;

        /// <summary>The record's layout if it has been laid out (asked for, or used by one that was), else null.</summary>
        public RecordLayout? Done(string name) => _done.TryGetValue(name, out var done) ? done : null;

        public RecordLayout? GetRecord(string name)
        {
            if (_done.TryGetValue(name, out var done)) return done;
            var decl = (RecordDecl)_cx.Declarations.Types[name];
            if (_layingOut.Contains(name))
            {
                int start = _layingOut.IndexOf(name);
                string path = string.Join(" -> ", _layingOut.Skip(start).Concat(new[] { name }));
                _cx.Error(DiagnosticIds.RecursiveType, decl.Location,
                    $"{AbiContext.Kind(decl.IsUnion)} {name} contains itself ({path}); a C record cannot, use ptr or handle<T> for a reference");
                return null;
            }
            _layingOut.Add(name);
            var layout = LayoutRecord(name, decl.IsUnion, decl.Members, decl.Location, decl.Doc, isInline: false);
            if (layout != null && decl.Ring != null) layout = layout with { Ring = decl.Ring };
            _layingOut.RemoveAt(_layingOut.Count - 1);
            if (!_done.ContainsKey(name)) _done[name] = layout;
            return _done[name];
        }

        private RecordLayout? LayoutRecord(string name, bool isUnion, EquatableArray<Member> members, SpecLocation location,
            string? doc, bool isInline)
        {
            var fields = new List<FieldLayout>();
            var runs = new List<int>();   // per field: its bitfield run, or -1
            var names = new Dictionary<string, SpecLocation>();
            var cursor = new RecordCursor(isUnion, _cx.Target.UnnamedBitfieldsAlign);
            bool ok = true;
            int anon = 0;
            var selected = _cx.Declarations.SelectMembers(members).ToList();
            foreach (var m in selected)
            {
                _cx.Cancellation.ThrowIfCancellationRequested();
                if (m is FieldMember { IsBitfield: true } bm)
                {
                    var placed = LayoutBitfield(bm, cursor);
                    if (placed == null)
                    {
                        ok = false;
                        continue;
                    }
                    if (cursor.Size > LayoutEngine.MaxRecordSize) return TooLarge(name, isUnion, bm.Location, cursor.Size);
                    if (placed.Value.Field is { } bf)
                    {
                        CheckNames(name, isUnion, bf, names);
                        fields.Add(bf);
                        runs.Add(placed.Value.Run);
                    }
                    continue;
                }
                var f = LayoutMember(name, m, ref anon, last: ReferenceEquals(m, selected[selected.Count - 1]));
                if (f == null)
                {
                    ok = false;
                    continue;
                }
                CheckNames(name, isUnion, f, names);
                long offset = cursor.NextOffset(f.Align);
                if (offset + f.Size > LayoutEngine.MaxRecordSize)
                {
                    _cx.Report(SpecDiagnostic.Create(DiagnosticCatalog.TooLarge, f.Location,
                        $"{AbiContext.Kind(isUnion)} {name} at this field (offset {offset}, size {f.Size})", $"{offset + f.Size} bytes",
                        AbiContext.Num(LayoutEngine.MaxRecordSize), "shrink the array or split the record"));
                    return null;
                }
                fields.Add(f with { Offset = (int)offset });
                runs.Add(-1);
                cursor.PlaceField(offset, f.Size, f.Align);
            }
            if (!ok) return null;
            for (int i = 0; i < fields.Count; i++)
            {
                if (runs[i] < 0) continue;
                var (runOffset, runSize) = cursor.RunBytes(runs[i]);
                fields[i] = fields[i] with { Bitfield = fields[i].Bitfield! with { RunOffset = runOffset, RunSize = runSize } };
            }
            int total = (int)AbiContext.AlignUp(cursor.Size, cursor.Align);
            return new RecordLayout(name, isUnion, total, cursor.Align, fields.ToEquatableArray(), cursor.Padding(total).ToEquatableArray(),
                location, doc, isInline);
        }

        /// <summary>Places a bitfield. Null after an error; a null Field for an unnamed one, which only moves the cursor.</summary>
        private (FieldLayout? Field, int Run)? LayoutBitfield(FieldMember bm, RecordCursor cursor)
        {
            var resolved = _cx.Bitfields.Resolve(bm);
            if (resolved == null) return null;
            var (ti, width) = resolved.Value;
            var (startBit, run) = cursor.PlaceBitfield(ti.Size, ti.Align, width, bm.Name != null);
            if (bm.Name == null) return (null, -1);
            long unitOffset = startBit / (ti.Align * 8L) * ti.Align;
            var bits = new BitfieldLayout((int)unitOffset, ti.Size, (int)(startBit - unitOffset * 8), width, 0, 0);
            var f = new FieldLayout(bm.Name, (int)(startBit / 8), ti.Size, ti.Align, ti.Type, EquatableArray<int>.Empty,
                bm.Attributes.Flags, bm.Location, bm.Doc, bits);
            return (f, run);
        }

        private RecordLayout? TooLarge(string name, bool isUnion, SpecLocation at, long size)
        {
            _cx.Report(SpecDiagnostic.Create(DiagnosticCatalog.TooLarge, at, $"{AbiContext.Kind(isUnion)} {name} at this bitfield", $"{size} bytes",
                AbiContext.Num(LayoutEngine.MaxRecordSize), "shrink the array or split the record"));
            return null;
        }

        /// <param name="last">Whether the member is the record's last: only it may be a flexible array ('T x[]' or GNU's
        /// 'T x[0]'), of size 0 at its element's alignment, which counts toward the record's.</param>
        private FieldLayout? LayoutMember(string owner, Member m, ref int anon, bool last)
        {
            FieldType type;
            int elemSize, elemAlign;
            string? fieldName;
            EquatableArray<Expr> dims;
            FieldAttributes attrs;
            switch (m)
            {
                case FieldMember fm:
                    var ti = _cx.Types.Resolve(fm.Type);
                    if (ti == null) return null;
                    type = ti.Value.Type;
                    elemSize = ti.Value.Size;
                    elemAlign = ti.Value.Align;
                    fieldName = fm.Name;
                    dims = fm.Dimensions;
                    attrs = fm.Attributes;
                    break;
                case InlineRecordMember im:
                    string inlineName = im.Name ?? $"__anon{anon++}";
                    var rl = LayoutRecord(inlineName, im.IsUnion, im.Members, im.Location, im.Doc, isInline: true);
                    if (rl == null) return null;
                    type = new FieldType(FieldTypeKind.InlineRecord, inlineName, rl.Size, false, rl, null);
                    elemSize = rl.Size;
                    elemAlign = rl.Align;
                    fieldName = im.Name;
                    dims = im.Dimensions;
                    attrs = im.Attributes;
                    break;
                default:
                    return null;
            }

            var lengths = new List<int>();
            long total = elemSize;
            for (int di = 0; di < dims.Count; di++)
            {
                var d = dims[di];
                var v = _cx.Constants.Eval(d);
                if (v == null) return null;
                // Written '[]' or '[0]' (not a length that happens to compute to 0, which is still a mistake to report).
                if (d is IntLiteral { Value: 0 } && di == 0 && dims.Count == 1 && last)
                {
                    total = 0;
                    lengths.Add(0);
                    continue;
                }
                if (v.Value <= 0)
                {
                    _cx.Report(SpecDiagnostic.Create(DiagnosticCatalog.BadArrayLength, d.Location, fieldName ?? "(anonymous)", AbiContext.Num(v.Value)));
                    return null;
                }
                // Both factors are capped before multiplying, so this cannot overflow.
                if (v.Value > LayoutEngine.MaxRecordSize || total * v.Value > LayoutEngine.MaxRecordSize)
                {
                    string bytes = v.Value > LayoutEngine.MaxRecordSize ? $"{v.Value} elements" : $"{total * v.Value} bytes";
                    _cx.Report(SpecDiagnostic.Create(DiagnosticCatalog.TooLarge, d.Location, $"array '{fieldName ?? "(anonymous)"}'", bytes,
                        AbiContext.Num(LayoutEngine.MaxRecordSize), "shrink it"));
                    return null;
                }
                total *= v.Value;
                lengths.Add((int)v.Value);
            }

            int align = elemAlign;
            if (attrs.Align != null)
            {
                var a = _cx.Constants.Eval(attrs.Align);
                if (a == null) return null;
                if (a.Value < 1 || a.Value > 4096 || (a.Value & (a.Value - 1)) != 0)
                {
                    _cx.Error(DiagnosticIds.BadAlignment, attrs.Align.Location, $"align({a.Value}) must be a power of two from 1 to 4096");
                    return null;
                }
                align = Math.Max(align, (int)a.Value);
            }

            var loc = m.Location;
            if (attrs.Has(FieldFlags.Shared) && type.Kind != FieldTypeKind.Integer)
            {
                _cx.Error(DiagnosticIds.BadAttribute, loc,
                    $"'shared' marks an integer word for atomic operations, but '{fieldName}' is a record; mark its integer fields instead");
                return null;
            }
            if (attrs.Has(FieldFlags.Shared) && type.Kind == FieldTypeKind.Integer && elemSize != 1 && elemSize != 2 && elemSize != 4 && elemSize != 8)
            {
                _cx.Error(DiagnosticIds.BadAttribute, loc, $"'shared' needs a 1, 2, 4 or 8-byte word; '{fieldName}' is {elemSize} bytes");
                return null;
            }
            if (attrs.Has(FieldFlags.Bitmap) && total == 0)
            {
                _cx.Error(DiagnosticIds.BadAttribute, loc, $"'bitmap' needs a fixed number of words; '{fieldName}' is a flexible array");
                return null;
            }
            if (attrs.Has(FieldFlags.Bitmap) && (lengths.Count == 0 || (elemSize != 4 && elemSize != 8)))
            {
                _cx.Error(DiagnosticIds.BadAttribute, loc,
                    $"'bitmap' needs an array of 32- or 64-bit words; '{fieldName}' is {(lengths.Count == 0 ? "not an array" : $"made of {elemSize}-byte elements")}");
                return null;
            }
            return new FieldLayout(fieldName, 0, (int)total, align, type, lengths.ToEquatableArray(), attrs.Flags, loc, m.Doc);
        }

        private void CheckNames(string owner, bool isUnion, FieldLayout f, Dictionary<string, SpecLocation> names)
        {
            // Members of an anonymous struct/union live in the enclosing record's namespace (C11 6.7.2.1).
            IEnumerable<(string name, SpecLocation loc)> Visible(FieldLayout x)
            {
                if (x.Name != null) yield return (x.Name, x.Location);
                else if (x.Type.Inline != null)
                    foreach (var inner in x.Type.Inline.Fields)
                        foreach (var v in Visible(inner)) yield return v;
            }
            foreach (var (n, loc) in Visible(f))
            {
                if (names.TryGetValue(n, out var first))
                    _cx.Error(DiagnosticIds.DuplicateField, loc, $"duplicate field '{n}' in {AbiContext.Kind(isUnion)} {owner}; the first is at {first}");
                else
                    names[n] = loc;
            }
        }
    }
}
