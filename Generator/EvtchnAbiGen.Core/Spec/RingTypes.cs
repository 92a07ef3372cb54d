using System.Collections.Generic;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Util;

namespace EvtchnAbiGen.Core.Spec
{
    /// <summary>What <c>ring NAME(REQ, RSP);</c> declares: the records and typedefs of Xen's
    /// <c>DEFINE_RING_TYPES(NAME, REQ, RSP)</c> (xen/include/public/io/ring.h, the same in Xen 4.14 to 4.20), member
    /// for member. The parser, the layout, the importer's folding and the docs all take the names from here.</summary>
    public static class RingTypes
    {
        /// <summary><c>union NAME_sring_entry { REQ req; RSP rsp; }</c>: one slot of the shared ring.</summary>
        public static string Entry(string ring) => ring + "_sring_entry";

        /// <summary><c>struct NAME_sring</c>: the shared page (indices, event thresholds, padding, then the slots).</summary>
        public static string Page(string ring) => ring + "_sring";

        /// <summary><c>struct NAME_front_ring</c>: the frontend's private producer/consumer state.</summary>
        public static string Front(string ring) => ring + "_front_ring";

        /// <summary><c>struct NAME_back_ring</c>: the backend's private producer/consumer state.</summary>
        public static string Back(string ring) => ring + "_back_ring";

        /// <summary>The macro's "syntactic sugar" typedef of a record: NAME_sring_t and so on.</summary>
        public static string Typedef(string record) => record + "_t";

        /// <summary>The four records, in the macro's order.</summary>
        public static string[] Records(string ring) => new[] { Entry(ring), Page(ring), Front(ring), Back(ring) };

        /// <summary>Every name the ring declares: each record, then its typedef (the slot union has none).</summary>
        public static IEnumerable<string> Names(string ring)
        {
            foreach (var record in Records(ring))
            {
                yield return record;
                if (record != Entry(ring)) yield return Typedef(record);
            }
        }

        /// <summary>Where the shared page's header ends and the slots start, on every ABI: four RING_IDX (16 bytes),
        /// the 4-byte 'pvt' union and 'uint8_t __pad[44]'.</summary>
        public const int HeaderBytes = 64;

        /// <summary>The four records in the macro's order, then its three typedefs. Every item is located at the ring's
        /// name, and the slot union's members at the REQ and RSP arguments (so an unknown type is reported there).</summary>
        public static EquatableArray<Item> Expand(RingDecl r)
        {
            var at = r.Location;
            TypeRef T(string name) => new TypeRef(name, null, at);
            FieldMember F(string type, string name, FieldFlags flags = FieldFlags.None, string? doc = null, long dim = -1)
                => Field(T(type), name, flags, doc, dim < 0 ? new long[0] : new[] { dim });
            FieldMember Field(TypeRef type, string name, FieldFlags flags, string? doc, long[] dims)
            {
                var d = new List<Expr>();
                foreach (var n in dims) d.Add(new IntLiteral(n, at));
                return new FieldMember(type, name, d.ToEquatableArray(), null, new FieldAttributes(flags, null), at, doc);
            }
            RecordDecl Record(string name, bool union, string doc, params Member[] members)
                => new RecordDecl(name, union, members.ToEquatableArray(), at, doc) { Ring = r.Name };

            // RING_IDX is 'unsigned int': 32 bits on every ABI. The four indices and thresholds on the shared page are
            // written by one end and read by the other, so they are 'shared' (atomic wrappers, analyzers' checks).
            const FieldFlags Shared = FieldFlags.Shared;
            var pvt = new InlineRecordMember(true, new Member[]
            {
                new InlineRecordMember(false, new Member[] { F("uint8_t", "smartpoll_active") }.ToEquatableArray(), "netif",
                    EquatableArray<Expr>.Empty, FieldAttributes.None, at, null),
                new InlineRecordMember(false, new Member[] { F("uint8_t", "msg") }.ToEquatableArray(), "tapif_user",
                    EquatableArray<Expr>.Empty, FieldAttributes.None, at, null),
                F("uint8_t", "pvt_pad", dim: 4),
            }.ToEquatableArray(), "pvt", EquatableArray<Expr>.Empty, FieldAttributes.None, at, "Private fields of some ring users (netif's smartpoll).");

            var items = new List<Item>
            {
                Record(Entry(r.Name), true, $"One slot of ring '{r.Name}': a request or its response (DEFINE_RING_TYPES).",
                    Field(r.Request, "req", FieldFlags.None, null, new long[0]),
                    Field(r.Response, "rsp", FieldFlags.None, null, new long[0])),
                Record(Page(r.Name), false, r.Doc ?? $"The shared page of ring '{r.Name}' (DEFINE_RING_TYPES).",
                    F("uint32_t", "req_prod", Shared, "Requests produced (frontend writes)."),
                    F("uint32_t", "req_event", Shared, "Notify the backend when req_prod passes this."),
                    F("uint32_t", "rsp_prod", Shared, "Responses produced (backend writes)."),
                    F("uint32_t", "rsp_event", Shared, "Notify the frontend when rsp_prod passes this."),
                    pvt,
                    F("uint8_t", "__pad", FieldFlags.Reserved, dim: 44),
                    // Xen 4.19's interface (0x00041300) and later make the slots C99's flexible array, older ones 'ring[1]'.
                    F(Entry(r.Name), "ring", FieldFlags.None, "The slots: as many as fit the pages, rounded down to a power of two.", r.Flexible ? 0 : 1)),
                Record(Front(r.Name), false, $"The frontend's private state of ring '{r.Name}' (DEFINE_RING_TYPES).",
                    F("uint32_t", "req_prod_pvt"), F("uint32_t", "rsp_cons"), F("uint32_t", "nr_ents"), F("ptr", "sring", doc: $"struct {Page(r.Name)} *")),
                Record(Back(r.Name), false, $"The backend's private state of ring '{r.Name}' (DEFINE_RING_TYPES).",
                    F("uint32_t", "rsp_prod_pvt"), F("uint32_t", "req_cons"), F("uint32_t", "nr_ents"), F("ptr", "sring", doc: $"struct {Page(r.Name)} *")),
            };
            foreach (var record in new[] { Page(r.Name), Front(r.Name), Back(r.Name) })
                items.Add(new TypedefDecl(Typedef(record), T(record), at, null) { Ring = r.Name });
            return items.ToEquatableArray();
        }
    }
}
