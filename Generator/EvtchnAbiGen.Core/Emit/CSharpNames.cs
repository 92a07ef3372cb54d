using System.Collections.Generic;

namespace EvtchnAbiGen.Core.Emit
{
    /// <summary>C names are kept as they are (so Xen's docs read beside the code); only C# keywords
    /// are escaped with '@'.</summary>
    public static class CSharpNames
    {
        private static readonly HashSet<string> Keywords = new HashSet<string>
        {
            "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
            "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
            "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
            "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
            "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
            "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
            "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
        };

        public static string Escape(string name) => Keywords.Contains(name) ? "@" + name : name;

        public static string Integer(int size, bool signed) => (size, signed) switch
        {
            (1, false) => "byte",
            (1, true) => "sbyte",
            (2, false) => "ushort",
            (2, true) => "short",
            (4, false) => "uint",
            (4, true) => "int",
            (8, false) => "ulong",
            _ => "long",
        };

        public static string Literal(long value)
        {
            string digits = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return LiteralType(value) switch { "int" => digits, "uint" => digits + "u", _ => digits + "L" };
        }

        public static string LiteralType(long value)
        {
            if (value >= int.MinValue && value <= int.MaxValue) return "int";
            if (value >= 0 && value <= uint.MaxValue) return "uint";
            return "long";
        }

        public static string Hex(ulong value, int size)
            => "0x" + value.ToString(size == 8 ? "X16" : size == 4 ? "X8" : size == 2 ? "X4" : "X2", System.Globalization.CultureInfo.InvariantCulture)
               + (size == 8 ? "UL" : size == 4 ? "u" : "");
    }
}
