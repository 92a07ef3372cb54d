using System.Collections.Generic;

namespace EvtchnAbiGen.Core.Layout
{
    /// <summary>One member as C's offsetof would name it: dotted through nested records, straight
    /// through anonymous members, and not into arrays.</summary>
    public readonly struct FieldPath
    {
        public FieldPath(string path, int offset, int size, FieldLayout field, int depth)
        {
            Path = path; Offset = offset; Size = size; Field = field; Depth = depth;
        }

        public string Path { get; }
        public int Offset { get; }
        public int Size { get; }
        public FieldLayout Field { get; }
        public int Depth { get; }

        /// <summary>Bits from the start of the outer record to the member's lowest bit: a bitfield's exact place.</summary>
        public int BitOffset => Field.Bitfield is { } bf ? (Offset - Field.Offset) * 8 + bf.RecordBitOffset : Offset * 8;
    }

    /// <summary>The spec model's members through the one offsetof walk (<see cref="OffsetofPaths"/>).</summary>
    public static class FieldPaths
    {
        /// <summary>Every member of <paramref name="record"/>, each followed by its nested members.
        /// Offsets are from the start of <paramref name="record"/>.</summary>
        public static List<FieldPath> Flatten(AbiLayout abi, RecordLayout record)
        {
            var list = new List<FieldPath>();
            OffsetofPaths.Walk<RecordLayout, FieldLayout, ModelMembers>(new ModelMembers(abi), record,
                (string path, long offset, int depth, in RecordMember<RecordLayout, FieldLayout> m) =>
                    list.Add(new FieldPath(path, (int)offset, (int)m.Size, m.Member, depth)));
            return list;
        }

        private readonly struct ModelMembers : IRecordMembers<RecordLayout, FieldLayout>
        {
            private readonly AbiLayout _abi;

            public ModelMembers(AbiLayout abi) => _abi = abi;

            public IEnumerable<RecordMember<RecordLayout, FieldLayout>> Members(RecordLayout record)
            {
                foreach (var f in record.Fields)
                {
                    var nested = f.IsArray ? null : f.Type.Kind switch
                    {
                        FieldTypeKind.InlineRecord => f.Type.Inline,
                        FieldTypeKind.Record => _abi.FindRecord(f.Type.CName),
                        _ => null,
                    };
                    yield return new RecordMember<RecordLayout, FieldLayout>(f.Name, f.Offset, f.Size, f, nested != null, nested!);
                }
            }
        }
    }
}
