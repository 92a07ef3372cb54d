using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Spec;
using EvtchnAbiGen.Core.Util;

namespace EvtchnAbiGen.Core.Layout
{
    // The per-ABI result of the layout engine. Shared by the generator, the CLI and the verifier.

    public sealed record AbiLayout(AbiTarget Target, string Namespace, EquatableArray<RecordLayout> Records,
        EquatableArray<ConstantValue> Constants, EquatableArray<WordLayout> Words)
    {
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
        EquatableArray<PaddingGap> Padding, SpecLocation Location, string? Doc, bool IsInline);

    /// <summary>A member. <see cref="Name"/> is null for an anonymous struct/union member, whose
    /// fields C reaches directly (offsetof spelling).</summary>
    public sealed record FieldLayout(string? Name, int Offset, int Size, int Align, FieldType Type,
        EquatableArray<int> Dimensions, FieldFlags Flags, SpecLocation Location, string? Doc)
    {
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

    /// <summary>The element type of a field. For integers: size and signedness, plus the C spelling
    /// (typedef/word name if any). For records: the tag, or the inline layout.</summary>
    public sealed record FieldType(FieldTypeKind Kind, string CName, int ElementSize, bool Signed,
        RecordLayout? Inline, string? WordName);

    public sealed record PaddingGap(int Offset, int Length);

    public sealed record ConstantValue(string Name, long Value, SpecLocation Location, string? Doc);

    public sealed record WordLayout(string Name, int Size, bool Shared, EquatableArray<WordBitLayout> Bits,
        SpecLocation Location, string? Doc);

    /// <summary>Bits <see cref="Low"/>..<see cref="High"/> inclusive (equal for a single bit).</summary>
    public sealed record WordBitLayout(string Name, int Low, int High, string? Doc, string? GuardedBy = null)
    {
        public int Width => High - Low + 1;

        public ulong Mask => (Width >= 64 ? ulong.MaxValue : ((1UL << Width) - 1)) << Low;
    }
}
