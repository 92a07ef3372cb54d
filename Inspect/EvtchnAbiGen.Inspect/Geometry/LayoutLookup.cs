using EvtchnAbiGen.Core.Layout;

namespace EvtchnAbiGen.Inspect.Geometry
{
    /// <summary>Finds what the inspectors need in one ABI's layout model, by C name (members as offsetof
    /// spells them, through <see cref="FieldPaths"/>), and says which name is missing when the specs lack it.</summary>
    internal static class LayoutLookup
    {
        public static RecordLayout Record(AbiLayout abi, string name)
            => abi.FindRecord(name) ?? throw Missing(abi, $"struct {name}");

        public static FieldPath Member(AbiLayout abi, RecordLayout record, string path)
        {
            foreach (var p in FieldPaths.Flatten(abi, record))
                if (p.Path == path) return p;
            throw Missing(abi, $"member {record.Name}.{path}");
        }

        /// <summary>An integer member (or array of integers) whose elements have one of <paramref name="elementSizes"/> bytes.</summary>
        public static FieldPath IntegerMember(AbiLayout abi, RecordLayout record, string path, params int[] elementSizes)
        {
            var m = Member(abi, record, path);
            if (m.Field.Type.Kind != FieldTypeKind.Integer || System.Array.IndexOf(elementSizes, m.Field.Type.ElementSize) < 0)
                throw new InspectLayoutException($"{record.Name}.{path} on {abi.Target.Name} is {m.Field.Type.CName} ({m.Field.Type.ElementSize} bytes); the inspector reads it as an integer of {string.Join(" or ", elementSizes)} bytes");
            return m;
        }

        public static long Constant(AbiLayout abi, string name)
            => (abi.FindConstant(name) ?? throw Missing(abi, $"constant {name}")).Value;

        public static WordLayout Word(AbiLayout abi, string name)
        {
            foreach (var w in abi.Words)
                if (w.Name == name) return w;
            throw Missing(abi, $"word {name}");
        }

        public static WordBitLayout Bits(WordLayout word, string name)
        {
            foreach (var b in word.Bits)
                if (b.Name == name) return b;
            throw new InspectLayoutException($"word {word.Name} has no bit field {name}");
        }

        private static InspectLayoutException Missing(AbiLayout abi, string what)
            => new InspectLayoutException($"the specs define no {what} on {abi.Target.Name}; the inspector needs it (use the built-in specs)");
    }
}
