using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Spec;
using EvtchnAbiGen.Core.Util;

namespace EvtchnAbiGen.Core.Layout
{
    // The per-ABI result of the layout engine. Shared by the generator, the CLI and the verifier.

    public sealed record AbiLayout(AbiTarget Target, string Namespace, EquatableArray<RecordLayout> Records,
        EquatableArray<ConstantValue> Constants, EquatableArray<WordLayout> Words)
    {
        /// <summary>The spec files of the set with their file-wide directives ('on_demand', 'imported_from').</summary>
        public EquatableArray<SpecFileInfo> Files { get; init; } = EquatableArray<SpecFileInfo>.Empty;

        /// <summary>The enums, in declaration order.</summary>
        public EquatableArray<EnumLayout> Enums { get; init; } = EquatableArray<EnumLayout>.Empty;

        /// <summary>The directives of the file a declaration at <paramref name="where"/> comes from.</summary>
        public SpecFileInfo? FileOf(SpecLocation where)
        {
            foreach (var f in Files)
                if (f.Path == where.Path) return f;
            return null;
        }

        public RecordLayout? FindRecord(string name)
        {
            foreach (var r in Records)
                if (r.Name == name) return r;
            return null;
        }

        public ConstantValue? FindConstant(string name)
        {
            foreach (var c in Constants)
                if (c.Name == name) return c;
            return null;
        }
    }

    /// <summary>A laid-out struct or union. <see cref="Name"/> is the C tag; inline anonymous
    /// records have <see cref="IsInline"/> set and are named after their member.</summary>
    public sealed record RecordLayout(string Name, bool IsUnion, int Size, int Align, EquatableArray<FieldLayout> Fields,
        EquatableArray<PaddingGap> Padding, SpecLocation Location, string? Doc, bool IsInline)
    {
        /// <summary>The 'ring' that made this record (one of its four), if one did.</summary>
        public string? Ring { get; init; }

        /// <summary>The named records, words and enums its members (inline members' included) are of: what emitting it needs.</summary>
        public System.Collections.Generic.IEnumerable<(string Name, UseKind Kind)> Uses()
        {
            foreach (var f in Fields)
            {
                if (f.Type.WordName != null) yield return (f.Type.WordName, UseKind.Word);
                else if (f.Type.EnumName != null) yield return (f.Type.EnumName, UseKind.Enum);
                else if (f.Type.Kind == FieldTypeKind.Record) yield return (f.Type.CName, UseKind.Record);
                else if (f.Type.Inline != null)
                    foreach (var d in f.Type.Inline.Uses()) yield return d;
            }
        }
    }

    /// <summary>A member. <see cref="Name"/> is null for an anonymous struct/union member, whose
    /// fields C reaches directly (offsetof spelling). A named bitfield has <see cref="Bitfield"/>; its
    /// <see cref="Offset"/> is the byte that holds its first bit and <see cref="Size"/> the size of its
    /// declared type (what libclang reports for it). Unnamed bitfields have none: C gives them no name and no
    /// value (C11 6.7.9p9); they only steer the layout.</summary>
    public sealed record FieldLayout(string? Name, int Offset, int Size, int Align, FieldType Type,
        EquatableArray<int> Dimensions, FieldFlags Flags, SpecLocation Location, string? Doc, BitfieldLayout? Bitfield = null)
    {
        public bool IsBitfield => Bitfield != null;

        public int ElementCount
        {
            get
            {
                int n = 1;
                foreach (var d in Dimensions) n *= d;
                return n;
            }
        }

        public bool IsArray => Dimensions.Count > 0;
    }

    public enum FieldTypeKind { Integer, Record, InlineRecord }

    /// <summary>What a record's member needs emitted beside it.</summary>
    public enum UseKind { Record, Word, Enum }

    /// <summary>The element type of a field. For integers: size and signedness, plus the C spelling
    /// (typedef/word name if any). For records: the tag, or the inline layout.</summary>
    public sealed record FieldType(FieldTypeKind Kind, string CName, int ElementSize, bool Signed,
        RecordLayout? Inline, string? WordName, string? EnumName = null);

    /// <summary>Where a bitfield's bits are on one ABI; byte offsets are from the start of the record that holds it.
    /// The storage unit is the C container: <see cref="UnitSize"/> bytes (the declared type's size) at
    /// <see cref="UnitOffset"/>, a multiple of the type's alignment, holding the field at <see cref="BitOffset"/>
    /// (little-endian bit numbering on every supported ABI). The run is the bytes of the maximal sequence of
    /// adjacent non-zero-width bitfields it belongs to (one C11 memory location): the bytes the generated
    /// property may read and write. On i386 a 64-bit unit is 4-aligned and may reach past the record's end.</summary>
    public sealed record BitfieldLayout(int UnitOffset, int UnitSize, int BitOffset, int Width, int RunOffset, int RunSize)
    {
        /// <summary>Bits from the start of the record to the field's lowest bit (clang_Cursor_getOffsetOfField).</summary>
        public int RecordBitOffset => UnitOffset * 8 + BitOffset;
    }

    public sealed record PaddingGap(int Offset, int Length);

    public sealed record ConstantValue(string Name, long Value, SpecLocation Location, string? Doc);

    /// <summary>A C enum on one ABI: its integer type (<see cref="Size"/>, <see cref="Align"/> in structs,
    /// <see cref="Signed"/>) and its enumerators in declaration order.</summary>
    public sealed record EnumLayout(string Name, int Size, int Align, bool Signed, EquatableArray<EnumeratorValue> Members,
        SpecLocation Location, string? Doc);

    public sealed record EnumeratorValue(string Name, long Value, SpecLocation Location, string? Doc);

    public sealed record WordLayout(string Name, int Size, bool Shared, EquatableArray<WordBitLayout> Bits,
        SpecLocation Location, string? Doc);

    /// <summary>Bits <see cref="Low"/>..<see cref="High"/> inclusive (equal for a single bit).</summary>
    public sealed record WordBitLayout(string Name, int Low, int High, string? Doc, string? GuardedBy = null)
    {
        public int Width => High - Low + 1;

        public ulong Mask => (Width >= 64 ? ulong.MaxValue : ((1UL << Width) - 1)) << Low;
    }

    /// <summary>A spec file's file-wide directives, as the layout carries them to the generator and the verifier.</summary>
    public sealed record SpecFileInfo(string Path, bool OnDemand, long? ImportedFrom);
}
