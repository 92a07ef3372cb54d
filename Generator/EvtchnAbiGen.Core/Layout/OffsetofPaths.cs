using System.Collections.Generic;

namespace EvtchnAbiGen.Core.Layout
{
    /// <summary>One member of a record as a layout source sees it: its name (null for an anonymous struct or
    /// union), offset from the start of the record that holds it, size, and the record to walk into (not for
    /// arrays, which offsetof does not enter).</summary>
    public readonly struct RecordMember<TRecord, TMember>
    {
        public RecordMember(string? name, long offset, long size, TMember member, bool hasNested = false, TRecord nested = default!)
        {
            Name = name; Offset = offset; Size = size; Member = member; HasNested = hasNested; Nested = nested;
        }

        public string? Name { get; }
        public long Offset { get; }
        public long Size { get; }
        public TMember Member { get; }
        public bool HasNested { get; }
        public TRecord Nested { get; }
    }

    /// <summary>A layout source: the spec model (<see cref="FieldPaths"/>), clang's cursors (the verifier), ...</summary>
    public interface IRecordMembers<TRecord, TMember>
    {
        IEnumerable<RecordMember<TRecord, TMember>> Members(TRecord record);
    }

    /// <summary>The one walk that names members as C's offsetof does: dotted through nested records, straight
    /// through anonymous members (C11 6.7.2.1), not into arrays; offsets from the outer record. The emitter,
    /// the verifier and the inspector all go through it, so their paths agree by construction.</summary>
    public static class OffsetofPaths
    {
        public delegate void Visit<TRecord, TMember>(string path, long offset, int depth, in RecordMember<TRecord, TMember> member);

        public static void Walk<TRecord, TMember, TSource>(TSource source, TRecord record, Visit<TRecord, TMember> visit)
            where TSource : IRecordMembers<TRecord, TMember>
            => Walk(source, record, "", 0, 0, visit);

        private static void Walk<TRecord, TMember, TSource>(TSource source, TRecord record, string prefix, long baseOffset, int depth,
            Visit<TRecord, TMember> visit)
            where TSource : IRecordMembers<TRecord, TMember>
        {
            foreach (var m in source.Members(record))
            {
                long offset = baseOffset + m.Offset;
                if (m.Name == null)
                {
                    if (m.HasNested) Walk(source, m.Nested, prefix, offset, depth, visit);
                    continue;
                }
                string path = prefix + m.Name;
                visit(path, offset, depth, m);
                if (m.HasNested) Walk(source, m.Nested, path + ".", offset, depth + 1, visit);
            }
        }
    }
}
