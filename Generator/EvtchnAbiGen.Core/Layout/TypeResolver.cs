using System.Collections.Generic;
using System.Linq;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Spec;
using EvtchnAbiGen.Core.Util;

namespace EvtchnAbiGen.Core.Layout
{
    /// <summary>A type's size and alignment on one ABI, and what the field will hold.</summary>
    internal readonly struct TypeInfo
    {
        public TypeInfo(int size, int align, FieldType type, bool isPointer = false)
        {
            Size = size; Align = align; Type = type; IsPointer = isPointer;
        }

        public int Size { get; }
        public int Align { get; }
        public FieldType Type { get; }
        /// <summary>ptr or handle&lt;T&gt; (or a typedef of one): laid out as an integer, but not one.</summary>
        public bool IsPointer { get; }
    }

    /// <summary>Type names to sizes and alignments on one ABI: the built-in C integers, ptr and handle&lt;T&gt;
    /// (pointer-sized; a guest handle is 8 bytes on ARM), typedefs, words and records.</summary>
    internal sealed class TypeResolver
    {
        public static readonly string[] BuiltinNames =
        {
            "uint8_t", "int8_t", "char", "uint16_t", "int16_t", "uint32_t", "int32_t", "uint64_t", "int64_t", "ulong", "long", "ptr", "fnptr", "handle",
        };

        private readonly AbiContext _cx;
        private readonly HashSet<string> _resolvingTypedefs = new HashSet<string>();

        public TypeResolver(AbiContext cx) => _cx = cx;

        public static bool IsBuiltin(string name) => BuiltinNames.Contains(name);

        public TypeInfo? Resolve(TypeRef tr)
        {
            var t = _cx.Target;
            switch (tr.Name)
            {
                case "uint8_t": return Int(tr.Name, 1, false, 1);
                case "int8_t":
                case "char": return Int(tr.Name, 1, true, 1);
                case "uint16_t": return Int(tr.Name, 2, false, 2);
                case "int16_t": return Int(tr.Name, 2, true, 2);
                case "uint32_t": return Int(tr.Name, 4, false, 4);
                case "int32_t": return Int(tr.Name, 4, true, 4);
                case "uint64_t": return Int(tr.Name, 8, false, t.Int64Align);
                case "int64_t": return Int(tr.Name, 8, true, t.Int64Align);
                case "ulong": return Int("unsigned long", t.LongSize, false, t.LongSize);
                case "long": return Int("long", t.LongSize, true, t.LongSize);
                case "ptr":
                case "fnptr":   // a function pointer: pointer-sized on every ABI here, named for what C says
                case "handle": return Pointer(tr);
            }
            if (!_cx.Declarations.Types.TryGetValue(tr.Name, out var decl))
            {
                _cx.Error(DiagnosticIds.UnknownType, tr.Location,
                    $"unknown type '{tr.Name}'{DidYouMean.Suggest(tr.Name, _cx.Declarations.Types.Keys.Concat(BuiltinNames))}; declare it with struct, union, enum, typedef or word, " +
                    "or use a built-in (uint8_t..int64_t, ulong, long, ptr, fnptr, handle<T>)");
                return null;
            }
            switch (decl)
            {
                case TypedefDecl td:
                    if (!_resolvingTypedefs.Add(td.Name))
                    {
                        _cx.Error(DiagnosticIds.RecursiveType, td.Location, $"typedef '{td.Name}' refers to itself");
                        return null;
                    }
                    var inner = Resolve(td.Target);
                    _resolvingTypedefs.Remove(td.Name);
                    if (inner == null) return null;
                    var it = inner.Value;
                    var named = it.Type.Kind == FieldTypeKind.Integer && it.Type.WordName == null
                        ? it.Type with { CName = td.Name }
                        : it.Type;
                    return new TypeInfo(it.Size, it.Align, named, it.IsPointer);
                case WordDecl w:
                    var u = Resolve(w.Underlying);
                    if (u == null) return null;
                    if (u.Value.Type.Kind != FieldTypeKind.Integer)
                    {
                        _cx.Error(DiagnosticIds.BadBit, w.Underlying.Location, $"word '{w.Name}' must be based on an integer type, not '{w.Underlying}'");
                        return null;
                    }
                    return new TypeInfo(u.Value.Size, u.Value.Align, u.Value.Type with { CName = w.Name, WordName = w.Name });
                case EnumDecl e:
                    var el = _cx.Enums.GetEnum(e);
                    if (el == null) return null;
                    return new TypeInfo(el.Size, el.Align, new FieldType(FieldTypeKind.Integer, e.Name, el.Size, el.Signed, null, null, EnumName: e.Name));
                case RecordDecl r:
                    var rl = _cx.Records.GetRecord(r.Name);
                    if (rl == null) return null;
                    return new TypeInfo(rl.Size, rl.Align, new FieldType(FieldTypeKind.Record, r.Name, rl.Size, false, null, null));
                default:
                    return null;
            }
        }

        /// <summary>ptr (an address) and handle&lt;T&gt; (XEN_GUEST_HANDLE: the ABI's handle size and alignment).</summary>
        private TypeInfo? Pointer(TypeRef tr)
        {
            if (tr.Name == "handle" && tr.Argument == null)
            {
                _cx.Error(DiagnosticIds.UnknownType, tr.Location, "'handle' needs a type argument, e.g. handle<uint8_t>");
                return null;
            }
            if (tr.Argument != null && tr.Argument.Name != "void" && Resolve(tr.Argument) == null) return null;
            var t = _cx.Target;
            int size = tr.Name == "handle" ? t.HandleSize : t.PointerSize;
            int align = tr.Name == "handle" ? t.HandleAlign : t.PointerSize;
            return new TypeInfo(size, align, new FieldType(FieldTypeKind.Integer, tr.ToString(), size, false, null, null), isPointer: true);
        }

        private static TypeInfo Int(string cname, int size, bool signed, int align)
            => new TypeInfo(size, align, new FieldType(FieldTypeKind.Integer, cname, size, signed, null, null));
    }
}
