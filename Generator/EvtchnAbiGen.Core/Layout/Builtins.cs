using System.Collections.Generic;

namespace EvtchnAbiGen.Core.Layout
{
    /// <summary>Built-in C integer types and their per-ABI size and alignment.</summary>
    internal static class Builtins
    {
        public static readonly string[] Names =
        {
            "uint8_t", "int8_t", "char", "uint16_t", "int16_t", "uint32_t", "int32_t", "uint64_t", "int64_t", "ulong", "long", "ptr", "handle",
        };

        public static bool TryGet(string name, AbiTarget t, out AbiResolver.TypeInfo? info)
        {
            info = name switch
            {
                "uint8_t" => Int(name, 1, false, 1),
                "int8_t" or "char" => Int(name, 1, true, 1),
                "uint16_t" => Int(name, 2, false, 2),
                "int16_t" => Int(name, 2, true, 2),
                "uint32_t" => Int(name, 4, false, 4),
                "int32_t" => Int(name, 4, true, 4),
                "uint64_t" => Int(name, 8, false, t.Int64Align),
                "int64_t" => Int(name, 8, true, t.Int64Align),
                "ulong" => Int("unsigned long", t.LongSize, false, t.LongSize),
                "long" => Int("long", t.LongSize, true, t.LongSize),
                _ => null,
            };
            return info != null || name == "ptr" || name == "handle";
        }

        private static AbiResolver.TypeInfo Int(string cname, int size, bool signed, int align)
            => new AbiResolver.TypeInfo(size, align, new FieldType(FieldTypeKind.Integer, cname, size, signed, null, null));
    }
}
