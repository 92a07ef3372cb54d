using System.Collections.Generic;
using EvtchnAbiGen.Core.Layout;

namespace EvtchnAbiGen.Core.Emit
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
    }

    public static class FieldPaths
    {
        /// <summary>Every member of <paramref name="record"/>, top-level first, then its nested members.
        /// Offsets are from the start of <paramref name="record"/>.</summary>
        public static List<FieldPath> Flatten(AbiLayout abi, RecordLayout record)
        {
            var list = new List<FieldPath>();
            Walk(abi, record, "", 0, 0, list);
            return list;
        }

        private static void Walk(AbiLayout abi, RecordLayout record, string prefix, int baseOffset, int depth, List<FieldPath> list)
        {
            foreach (var f in record.Fields)
            {
                int offset = baseOffset + f.Offset;
                string path = f.Name == null ? prefix : prefix + f.Name;
                if (f.Name != null) list.Add(new FieldPath(path, offset, f.Size, f, depth));
                if (f.IsArray) continue;
                var nested = f.Type.Kind switch
                {
                    FieldTypeKind.InlineRecord => f.Type.Inline,
                    FieldTypeKind.Record => abi.FindRecord(f.Type.CName),
                    _ => null,
                };
                if (nested != null)
                    Walk(abi, nested, f.Name == null ? prefix : path + ".", offset, f.Name == null ? depth : depth + 1, list);
            }
        }
    }
}
