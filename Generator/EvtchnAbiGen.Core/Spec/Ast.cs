using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Util;

namespace EvtchnAbiGen.Core.Spec
{
    // The syntax tree of one .abi file. Every node is an immutable record with value equality
    // (arrays are EquatableArray), so the generator can cache on it. No Roslyn types in here.

    public sealed record SpecFile(string Path, string? Namespace, SpecLocation? NamespaceLocation,
        EquatableArray<Item> Items, EquatableArray<SpecDiagnostic> Diagnostics)
    {
        /// <summary>'header PATH;': the C headers (relative to Xen's public header folder) the spec mirrors, which
        /// the verifier includes besides xen.h and event_channel.h.</summary>
        public EquatableArray<string> CHeaders { get; init; } = EquatableArray<string>.Empty;

        /// <summary>'define NAME[=VALUE];': preprocessor defines those headers need (e.g. __XEN_TOOLS__).</summary>
        public EquatableArray<string> CDefines { get; init; } = EquatableArray<string>.Empty;

        /// <summary>'on_demand;': the file's declarations are generated only when a XenAbi.txt names them or what
        /// they are used by, so a large imported set costs its consumers nothing until they ask for it.</summary>
        public bool OnDemand { get; init; }

        /// <summary>'imported_from 0x00041300;': the __XEN_LATEST_INTERFACE_VERSION__ of the headers the file was
        /// imported from. Against older headers, what those lack is newer than them, not drift.</summary>
        public long? ImportedFrom { get; init; }

        /// <summary>Every name the file declares on any ABI (both branches of each 'when').</summary>
        public System.Collections.Generic.IEnumerable<string> DeclaredNames() => Names(Items, typedefs: true);

        /// <summary>What a XenAbi.txt can name: the records, enums and their enumerators, constants and words (not
        /// typedefs, which emit nothing).</summary>
        public System.Collections.Generic.IEnumerable<string> SelectableNames() => Names(Items, typedefs: false);

        private static System.Collections.Generic.IEnumerable<string> Names(EquatableArray<Item> items, bool typedefs)
        {
            foreach (var item in items)
            {
                switch (item)
                {
                    case ConstDecl c: yield return c.Name; break;
                    case TypedefDecl t when typedefs: yield return t.Name; break;
                    case WordDecl w: yield return w.Name; break;
                    case RecordDecl r: yield return r.Name; break;
                    case RingDecl ring:
                        // The ring's own name selects its four records; as a type name it declares nothing.
                        if (!typedefs) yield return ring.Name;
                        foreach (var n in Names(ring.Expand(), typedefs)) yield return n;
                        break;
                    case EnumDecl e:
                        yield return e.Name;
                        foreach (var m in e.Members) yield return m.Name;
                        break;
                    case WhenItem w:
                        foreach (var n in Names(w.Then, typedefs)) yield return n;
                        foreach (var n in Names(w.Else, typedefs)) yield return n;
                        break;
                }
            }
        }

        public bool HasErrors
        {
            get
            {
                foreach (var d in Diagnostics)
                    if (d.Severity == SpecSeverity.Error) return true;
                return false;
            }
        }
    }

    public abstract record Item(SpecLocation Location, string? Doc)
    {
        /// <summary>The <see cref="RingDecl"/> that made this record or typedef, if one did.</summary>
        public string? Ring { get; init; }
    }

    public sealed record ConstDecl(string Name, Expr Value, SpecLocation Location, string? Doc) : Item(Location, Doc);

    public sealed record TypedefDecl(string Name, TypeRef Target, SpecLocation Location, string? Doc) : Item(Location, Doc);

    /// <summary>An integer word with named bits and bit ranges, e.g. the FIFO event word.</summary>
    public sealed record WordDecl(string Name, TypeRef Underlying, bool Shared, EquatableArray<WordBit> Bits,
        SpecLocation Location, string? Doc) : Item(Location, Doc);

    /// <summary><c>NAME = low;</c> (one bit) or <c>NAME = low .. high;</c> (inclusive range).
    /// <c>guarded(BIT)</c>: the bit may only be cleared while BIT is clear (the clear spins).</summary>
    public sealed record WordBit(string Name, Expr Low, Expr? High, string? GuardedBy, SpecLocation Location, string? Doc);

    /// <summary>C's <c>enum</c>: a type (laid out as C's underlying integer) whose enumerators are also constants.</summary>
    public sealed record EnumDecl(string Name, EquatableArray<EnumMember> Members, SpecLocation Location, string? Doc) : Item(Location, Doc);

    /// <summary><c>NAME = value;</c>, or <c>NAME;</c> (<see cref="Value"/> null: the previous enumerator + 1, the first 0).</summary>
    public sealed record EnumMember(string Name, Expr? Value, SpecLocation Location, string? Doc);

    public sealed record RecordDecl(string Name, bool IsUnion, EquatableArray<Member> Members,
        SpecLocation Location, string? Doc) : Item(Location, Doc);

    /// <summary><c>ring NAME(REQ, RSP) [flexible];</c>: the records Xen's <c>DEFINE_RING_TYPES</c> (io/ring.h) makes,
    /// as <see cref="RingTypes.Expand"/> writes them out.</summary>
    public sealed record RingDecl(string Name, TypeRef Request, TypeRef Response, bool Flexible, SpecLocation Location, string? Doc)
        : Item(Location, Doc)
    {
        public EquatableArray<Item> Expand() => RingTypes.Expand(this);
    }

    public sealed record WhenItem(Selector Selector, EquatableArray<Item> Then, EquatableArray<Item> Else,
        SpecLocation Location) : Item(Location, null);

    public abstract record Member(SpecLocation Location, string? Doc);

    /// <summary><c>type name[dims] attrs;</c>, or a bitfield <c>type name : width attrs;</c> (<see cref="BitWidth"/> set).
    /// <see cref="Name"/> is null only for an unnamed bitfield (<c>uint32_t : 3;</c>, <c>uint32_t : 0;</c>), which
    /// nothing can reach: it only steers the layout, as in C.</summary>
    public sealed record FieldMember(TypeRef Type, string? Name, EquatableArray<Expr> Dimensions, Expr? BitWidth,
        FieldAttributes Attributes, SpecLocation Location, string? Doc) : Member(Location, Doc)
    {
        public bool IsBitfield => BitWidth != null;
    }

    /// <summary><c>struct { ... } name;</c>, <c>union { ... } name[2];</c> or the anonymous <c>union { ... };</c>.</summary>
    public sealed record InlineRecordMember(bool IsUnion, EquatableArray<Member> Members, string? Name,
        EquatableArray<Expr> Dimensions, FieldAttributes Attributes, SpecLocation Location, string? Doc) : Member(Location, Doc);

    public sealed record WhenMember(Selector Selector, EquatableArray<Member> Then, EquatableArray<Member> Else,
        SpecLocation Location) : Member(Location, null);

    /// <summary>A type name; <c>handle&lt;T&gt;</c> carries its argument.</summary>
    public sealed record TypeRef(string Name, TypeRef? Argument, SpecLocation Location)
    {
        public override string ToString() => Argument is null ? Name : $"{Name}<{Argument}>";
    }

    public sealed record SelectorTerm(string Name, SpecLocation Location);

    public sealed record Selector(EquatableArray<SelectorTerm> Terms);

    [System.Flags]
    public enum FieldFlags
    {
        None = 0,
        Shared = 1,
        Bitmap = 2,
        Reserved = 4,
        In = 8,
        Out = 16,
    }

    public sealed record FieldAttributes(FieldFlags Flags, Expr? Align)
    {
        public static readonly FieldAttributes None = new FieldAttributes(FieldFlags.None, null);

        public bool Has(FieldFlags f) => (Flags & f) == f;
    }

    public abstract record Expr(SpecLocation Location);

    public sealed record IntLiteral(long Value, SpecLocation Location) : Expr(Location);

    public sealed record NameExpr(string Name, SpecLocation Location) : Expr(Location);

    public sealed record UnaryExpr(string Op, Expr Operand, SpecLocation Location) : Expr(Location);

    public sealed record BinaryExpr(string Op, Expr Left, Expr Right, SpecLocation Location) : Expr(Location);

    /// <summary><c>sizeof(T)</c> or <c>alignof(T)</c>, evaluated per ABI.</summary>
    public sealed record SizeOfExpr(TypeRef Type, bool IsAlignOf, SpecLocation Location) : Expr(Location);
}
