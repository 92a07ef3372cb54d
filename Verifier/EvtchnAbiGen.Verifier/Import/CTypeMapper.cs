using System.Collections.Generic;
using EvtchnAbiGen.Clang;

namespace EvtchnAbiGen.Verifier.Import
{
    /// <summary>A C type as the spec language spells it on one ABI: a built-in, ptr, handle&lt;void&gt;, or the
    /// name of a typedef or record (recorded as a dependency to import too), with array dimensions outermost
    /// first. A type the spec language cannot express comes back with <see cref="Unsupported"/> set.</summary>
    internal readonly record struct SpecType(string Name, IReadOnlyList<long> Dims, string? Unsupported, CXCursor? InlineRecord)
    {
        public static SpecType Fail(string why) => new SpecType("", new List<long>(), why, null);
    }

    internal sealed class CTypeMapper
    {
        /// <summary>The dimension of a C99 flexible array member, 'T x[]'.</summary>
        public const long FlexibleDim = -1;

        private static readonly HashSet<string> StdInt = new HashSet<string>
        {
            "uint8_t", "int8_t", "uint16_t", "int16_t", "uint32_t", "int32_t", "uint64_t", "int64_t",
        };

        private readonly int _handleSize, _handleAlign;

        public CTypeMapper(int handleSize, int handleAlign)
        {
            _handleSize = handleSize;
            _handleAlign = handleAlign;
        }

        /// <summary>Typedef and record names the mapped types use, to be imported with them.</summary>
        public HashSet<string> Typedefs { get; } = new HashSet<string>();
        public HashSet<string> Records { get; } = new HashSet<string>();
        /// <summary>The enums used by name: tags, and typedefs of unnamed enums.</summary>
        public HashSet<string> Enums { get; } = new HashSet<string>();

        public static bool IsUnnamed(CXCursor decl)
        {
            string s = decl.Spelling;
            return s.Length == 0 || s.Contains("(unnamed") || s.Contains("(anonymous");
        }

        public SpecType Map(CXType type)
        {
            var dims = new List<long>();
            var t = type.Named;
            while (true)
            {
                switch (t.kind)
                {
                    case CXTypeKind.CXType_ConstantArray:
                        dims.Add(t.ArraySize);   // 0: GNU's zero-length array, a flexible array as the last member
                        t = t.ElementType.Named;
                        continue;
                    case CXTypeKind.CXType_IncompleteArray:
                        dims.Add(FlexibleDim);   // 'T x[]', written back as such
                        t = t.ElementType.Named;
                        continue;
                    case CXTypeKind.CXType_Typedef:
                        var decl = t.Declaration;
                        string name = decl.Spelling;
                        if (StdInt.Contains(name)) return new SpecType(name, dims, null, null);
                        var under = decl.TypedefUnderlying.Named;
                        // XEN_GUEST_HANDLE(T) (a struct on x86, a union on ARM): the spec's handle<T> wherever its size and
                        // alignment are the ABI's handle's; XEN_GUEST_HANDLE_64 on x86_32 (8 bytes) is imported as the union it is.
                        if (name.StartsWith("__guest_handle_", System.StringComparison.Ordinal) && t.SizeOf == _handleSize && t.AlignOf == _handleAlign)
                            return new SpecType("handle<void>", dims, null, null);
                        if (under.kind == CXTypeKind.CXType_ConstantArray || under.kind == CXTypeKind.CXType_Typedef && IsArrayTypedef(under))
                        {
                            t = under;   // typedef uint8_t xen_domain_handle_t[16]: the spec's typedefs hold no dimensions
                            continue;
                        }
                        if (under.kind == CXTypeKind.CXType_Enum && IsUnnamed(under.Declaration))
                        {
                            // typedef enum { ... } name_t: the enum takes the typedef's name (the verifier finds it the same way).
                            Enums.Add(name);
                            return new SpecType(name, dims, null, null);
                        }
                        if (under.kind == CXTypeKind.CXType_FunctionProto || under.kind == CXTypeKind.CXType_FunctionNoProto)
                            return SpecType.Fail($"'{name}' is a function type");
                        Typedefs.Add(name);
                        return new SpecType(name, dims, null, null);
                    case CXTypeKind.CXType_Record:
                        var rec = t.Declaration;
                        if (IsUnnamed(rec)) return new SpecType("", dims, null, rec);
                        Records.Add(rec.Spelling);
                        return new SpecType(rec.Spelling, dims, null, null);
                    case CXTypeKind.CXType_Enum:
                        if (IsUnnamed(t.Declaration)) return Integer(EnumInteger(t), dims);
                        Enums.Add(t.Declaration.Spelling);
                        return new SpecType(t.Declaration.Spelling, dims, null, null);
                    case CXTypeKind.CXType_Pointer:
                        var pointee = t.Pointee.CanonicalType.kind;
                        return new SpecType(pointee is CXTypeKind.CXType_FunctionProto or CXTypeKind.CXType_FunctionNoProto ? "fnptr" : "ptr", dims, null, null);
                    default:
                        var builtin = Builtin(t.kind);
                        return builtin != null ? new SpecType(builtin, dims, null, null) : SpecType.Fail($"the C type '{t.Spelling}'");
                }
            }
        }

        private static bool IsArrayTypedef(CXType t)
        {
            while (t.kind == CXTypeKind.CXType_Typedef) t = t.Declaration.TypedefUnderlying.Named;
            return t.kind == CXTypeKind.CXType_ConstantArray;
        }

        private static CXType EnumInteger(CXType enumType) => clang.getEnumDeclIntegerType(enumType.Declaration);

        private SpecType Integer(CXType t, List<long> dims)
        {
            var b = Builtin(t.CanonicalType.kind);
            return b != null ? new SpecType(b, dims, null, null) : SpecType.Fail($"the enum type '{t.Spelling}'");
        }

        public static string? Builtin(CXTypeKind kind) => kind switch
        {
            CXTypeKind.CXType_Bool or CXTypeKind.CXType_Char_U or CXTypeKind.CXType_UChar => "uint8_t",
            CXTypeKind.CXType_Char_S => "char",
            CXTypeKind.CXType_SChar => "int8_t",
            CXTypeKind.CXType_UShort => "uint16_t",
            CXTypeKind.CXType_Short => "int16_t",
            CXTypeKind.CXType_UInt => "uint32_t",
            CXTypeKind.CXType_Int => "int32_t",
            CXTypeKind.CXType_ULong => "ulong",
            CXTypeKind.CXType_Long => "long",
            CXTypeKind.CXType_ULongLong => "uint64_t",
            CXTypeKind.CXType_LongLong => "int64_t",
            _ => null,
        };
    }
}
