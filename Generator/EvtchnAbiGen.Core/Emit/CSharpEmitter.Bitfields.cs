using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvtchnAbiGen.Core.Layout;
using EvtchnAbiGen.Core.Spec;

namespace EvtchnAbiGen.Core.Emit
{
    // Bitfields. Storage is private integer fields ("pieces") that cover exactly the bytes of each run of adjacent
    // bitfields (one C11 memory location), split into naturally aligned 1/2/4/8-byte parts. Not the C storage unit:
    // that can overlap ordinary members (buf_ioreq.addr's uint32_t unit holds 'type') or, on i386, reach past the
    // struct (a 4-aligned 8-byte unit), and a C compiler must not write those bytes either. Each property reads
    // and writes only the pieces that hold its bits, preserving the others; values are truncated as C does.
    public sealed partial class CSharpEmitter
    {
        // Pieces and parts are classes: value types in generic collections and LINQ are JIT-compiled per
        // instantiation on a build's first run (docs/performance.md).
        private sealed class Piece
        {
            public Piece(int offset, int size) { Offset = offset; Size = size; }

            public int Offset { get; }
            public int Size { get; }
            public int Bits => Size * 8;
            public string Type => CSharpNames.Integer(Size, false);
            public string Name => "__bits" + Num(Offset) + "_" + Type;
            /// <summary>The type the piece's arithmetic is done in (C# promotes byte and ushort to int).</summary>
            public string Math => Size == 8 ? "ulong" : "uint";
        }

        /// <summary>The bits of one bitfield that one piece holds: how many, where in the piece, where in the value.</summary>
        private sealed class Part
        {
            public Part(Piece piece, int bits, int inPiece, int inValue) { Piece = piece; Bits = bits; InPiece = inPiece; InValue = inValue; }

            public Piece Piece { get; }
            public int Bits { get; }
            public int InPiece { get; }
            public int InValue { get; }
        }

        /// <summary>Storage fields, then a property and two constants per bitfield. Offsets are from the start of
        /// the generated type (an anonymous member's bitfields arrive with its offset added). A property uses only
        /// its own run's pieces: in a union, other members' pieces overlap the same bytes.</summary>
        private void EmitBitfields(RecordLayout r, List<(FieldLayout Field, int Base)> bitfields, string typeName)
        {
            if (bitfields.Count == 0) return;
            // Each (offset, size) once, by offset then size: runs of a union's members may share pieces.
            var pieces = new List<Piece>();
            foreach (var (f, b) in bitfields)
                foreach (var p in Split(b + f.Bitfield!.RunOffset, f.Bitfield.RunSize))
                    if (!pieces.Exists(q => q.Offset == p.Offset && q.Size == p.Size)) pieces.Add(p);
            pieces.Sort((x, y) => x.Offset != y.Offset ? x.Offset.CompareTo(y.Offset) : x.Size.CompareTo(y.Size));
            _w.Line("// Bitfield storage: the bytes of each run of adjacent bitfields, read and written through the properties below.");
            int widest = 0;
            foreach (var p in pieces)
            {
                _w.Line($"[global::System.Runtime.InteropServices.FieldOffset({p.Offset})] private {p.Type} {p.Name};");
                widest = System.Math.Max(widest, p.Size);
            }
            // Pieces may be narrower than the bitfields' types, whose alignment C gives the record; .NET takes a struct's
            // alignment from its fields (Pack only lowers it), so an unused field of that size anchors it.
            int natural = System.Math.Max(widest, OrdinaryAlign(r));
            if (natural < r.Align && r.Align <= 8 && r.Size >= r.Align)
                _w.Line($"[global::System.Runtime.InteropServices.FieldOffset(0)] private {CSharpNames.Integer(r.Align, false)} __align;   // never read: gives the struct C's alignment, {r.Align}");
            foreach (var (f, b) in bitfields)
                EmitBitfield(f, b, typeName, Split(b + f.Bitfield!.RunOffset, f.Bitfield.RunSize));
        }

        /// <summary>The alignment .NET gives the record's other fields (anonymous members' included): integers by their
        /// size, records by their C alignment (which their own types carry). Zero-size members have no field.</summary>
        private int OrdinaryAlign(RecordLayout r)
        {
            int a = 1;
            foreach (var f in r.Fields)
            {
                if (f.IsBitfield || f.Size == 0) continue;
                a = System.Math.Max(a, f.Name == null ? OrdinaryAlign(f.Type.Inline!) : f.Type.Kind switch
                {
                    FieldTypeKind.Integer => f.Type.ElementSize,
                    FieldTypeKind.Record => _abi.FindRecord(f.Type.CName)?.Align ?? 1,
                    _ => f.Type.Inline!.Align,
                });
            }
            return a;
        }

        /// <summary>Naturally aligned 8/4/2/1-byte parts covering [offset, offset + size) exactly.</summary>
        private static IEnumerable<Piece> Split(int offset, int size)
        {
            int p = offset, end = offset + size;
            while (p < end)
            {
                int s = 8;
                while (p % s != 0 || p + s > end) s /= 2;
                yield return new Piece(p, s);
                p += s;
            }
        }

        private void EmitBitfield(FieldLayout f, int baseOffset, string typeName, IEnumerable<Piece> pieces)
        {
            var bf = f.Bitfield!;
            int start = baseOffset * 8 + bf.RecordBitOffset, width = bf.Width;
            string name = MemberName(f.Name!, typeName);
            string type = CSharpNames.Integer(f.Type.ElementSize, f.Type.Signed);
            string math = width > 32 ? "ulong" : "uint";
            var parts = new List<Part>();
            foreach (var p in pieces)
            {
                int lo = System.Math.Max(start, p.Offset * 8), hi = System.Math.Min(start + width, (p.Offset + p.Size) * 8);
                if (lo < hi) parts.Add(new Part(p, hi - lo, lo - p.Offset * 8, lo - start));
            }

            _w.Line();
            _w.Line($"/// <summary>Bits from the start of this type to {f.Name}'s lowest bit.</summary>");
            _w.Line($"public const int {f.Name}_BitOffset = {Num(start)};");
            _w.Line($"/// <summary>{f.Name}'s width in bits.</summary>");
            _w.Line($"public const int {f.Name}_Width = {Num(width)};");
            _w.Doc(f.Doc, BitfieldRemarks(f, baseOffset, start));
            using (_w.Block($"public {type} {name}"))
            {
                string raw = string.Join(" | ", parts.Select(x => GetTerm(x.Piece, x.Bits, x.InPiece, x.InValue, math)));
                _w.Line($"readonly get => unchecked({Extend(raw, type, width, math)});");
                if (parts.Count == 1)
                {
                    var x = parts[0];
                    _w.Line($"set => {x.Piece.Name} = unchecked({SetTerm(x.Piece, x.Bits, x.InPiece, x.InValue, $"({math})value", math)});");
                }
                else
                {
                    using (_w.Block("set"))
                    {
                        _w.Line($"{math} v = unchecked(({math})value);");
                        foreach (var x in parts)
                            _w.Line($"{x.Piece.Name} = unchecked({SetTerm(x.Piece, x.Bits, x.InPiece, x.InValue, "v", math)});");
                    }
                }
            }
        }

        /// <summary>n bits of the piece from bit inPiece, moved to bit inValue of a <paramref name="math"/> value.</summary>
        private static string GetTerm(Piece p, int n, int inPiece, int inValue, string math)
        {
            string e;
            if (inPiece == 0 && n == p.Bits)
            {
                e = p.Type == math ? p.Name : $"({math}){p.Name}";   // the whole piece: widen it directly
            }
            else
            {
                e = p.Type == p.Math ? p.Name : $"({p.Math}){p.Name}";
                if (inPiece > 0) e = $"({e} >> {inPiece})";
                if (inPiece + n < p.Bits) e = $"({e} & {Mask(n, p.Math)})";
                if (p.Math != math) e = $"({math}){e}";
            }
            if (inValue > 0) e = $"({e} << {inValue})";
            return e;
        }

        /// <summary>The piece with its n bits from inPiece replaced by bits inValue.. of the value.</summary>
        private static string SetTerm(Piece p, int n, int inPiece, int inValue, string value, string math)
        {
            string v = inValue > 0 ? $"({value} >> {inValue})" : value;
            v = $"({v} & {Mask(n, math)})";
            if (p.Math != math) v = $"({p.Math}){v}";
            if (inPiece > 0) v = $"({v} << {inPiece})";
            ulong all = p.Size == 8 ? ulong.MaxValue : (1UL << p.Bits) - 1;
            ulong keep = all & ~(MaskValue(n) << inPiece);
            string e = keep == 0 ? v : $"({p.Name} & {Literal(keep, p.Math)}) | {v}";
            return p.Type == p.Math ? e : $"({p.Type})({e})";
        }

        /// <summary>The raw bits as the property's type: sign-extended from the field's top bit for a signed type.</summary>
        private static string Extend(string raw, string type, int width, string math)
        {
            string r = raw.Contains(" | ") ? $"({raw})" : raw;   // terms come parenthesized; an OR of them needs one more pair
            if (type == "uint" || type == "ulong" || type == "byte" || type == "ushort")
                return type == math ? raw : $"({type}){r}";
            string signedMath = math == "ulong" ? "long" : "int";
            int spare = (math == "ulong" ? 64 : 32) - width;
            string e = spare == 0 ? $"({signedMath}){r}" : $"(({signedMath})({r} << {spare}) >> {spare})";
            return type == signedMath ? e : $"({type}){e}";
        }

        private static ulong MaskValue(int n) => n >= 64 ? ulong.MaxValue : (1UL << n) - 1;

        private static string Mask(int n, string math) => Literal(MaskValue(n), math);

        private static string Literal(ulong v, string math)
            => "0x" + v.ToString("X", CultureInfo.InvariantCulture) + (math == "ulong" ? "UL" : "u");

        private static string Num(int v) => v.ToString(CultureInfo.InvariantCulture);

        private static string BitfieldRemarks(FieldLayout f, int baseOffset, int start)
        {
            var bf = f.Bitfield!;
            string notes = f.Flags.HasFlag(FieldFlags.Reserved) ? "; reserved" : "";
            if (f.Flags.HasFlag(FieldFlags.In) && f.Flags.HasFlag(FieldFlags.Out)) notes += "; IN/OUT";
            else if (f.Flags.HasFlag(FieldFlags.In)) notes += "; IN";
            else if (f.Flags.HasFlag(FieldFlags.Out)) notes += "; OUT";
            return $"C: {f.Type.CName} {f.Name} : {bf.Width}; {Bits(start, bf.Width)} of this type, {Bits(bf.BitOffset, bf.Width)} " +
                   $"of its {bf.UnitSize}-byte storage unit at offset {baseOffset + bf.UnitOffset}{notes}. " +
                   $"Set keeps the low {(bf.Width == 1 ? "bit" : $"{bf.Width} bits")} of the value, as C does.";
        }

        private static string Bits(int low, int width) => width == 1 ? $"bit {low}" : $"bits {low}..{low + width - 1}";
    }
}
