using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Xunit;

namespace EvtchnAbiGen.LayoutTests
{
    /// <summary>'ring' declarations, generated from Specs/ring-probes.abi (namespace RingProbe), against clang-14 on
    /// c/ring-probes.h, whose records Xen's own DEFINE_RING_TYPES (libxen-dev's xen/io/ring.h) makes: size, alignment
    /// and every member of the slot union, the shared page, and the front and back rings, on every ABI.</summary>
    public class RingLayoutTests
    {
        private static string Header => Path.Combine(ClangOracle.RepoRoot, "tests", "EvtchnAbiGen.LayoutTests", "c", "ring-probes.h");

        /// <summary>The rings of the C header.</summary>
        private static readonly string[] Rings = { "rp_big", "rp_scalar", "rp_wide" };

        private static readonly (string Tag, string Suffix)[] Records =
        {
            ("union", "_sring_entry"), ("struct", "_sring"), ("struct", "_front_ring"), ("struct", "_back_ring"),
        };

        public static IEnumerable<object[]> Abis() => ClangLayoutTests.Abis.Select(a => new object[] { a.Abi });

        [Theory]
        [MemberData(nameof(Abis))]
        public void Every_record_a_ring_declares_matches_what_DEFINE_RING_TYPES_makes(string abi)
        {
            Assert.True(ClangOracle.Available(), "clang-14 and libxen-dev are required");
            var asserts = new List<string>();
            foreach (var ring in Rings)
            {
                foreach (var (tag, suffix) in Records)
                    asserts.AddRange(ClangOracle.Assertions(DotNetLayout.Measure(Generated(abi, ring + suffix)), $"{tag} {ring}{suffix}"));
                // The macro's typedefs name the same records.
                foreach (var suffix in new[] { "_sring", "_front_ring", "_back_ring" })
                    asserts.Add(ClangOracle.Assert($"sizeof {ring}{suffix}_t", $"sizeof({ring}{suffix}_t)", DotNetLayout.SizeOf(Generated(abi, ring + suffix))));
            }
            var result = ClangOracle.Check(Triple(abi), asserts, cacheKey: "rings/" + Triple(abi), headers: new[] { Header });
            result.AssertAgrees(abi);
            Assert.True(asserts.Count > 100, $"only {asserts.Count} assertions");
        }

        /// <summary>'flexible' writes the slots as 'ring[]': the page is the header only, its slots start where the
        /// classic ring's 'ring[1]' does (clang's offsetof on rp_big, the same request and response), and the slot
        /// union and the private rings are the classic ones.</summary>
        [Theory]
        [MemberData(nameof(Abis))]
        public void A_flexible_ring_is_the_classic_one_without_its_slot(string abi)
        {
            var page = Generated(abi, "rp_flex_sring");
            var asserts = new List<string>
            {
                ClangOracle.Assert("sizeof rp_flex_sring", "offsetof(struct rp_big_sring, ring)", DotNetLayout.SizeOf(page)),
                ClangOracle.Assert("alignof rp_flex_sring", "_Alignof(struct rp_big_sring)", DotNetLayout.AlignOf(page)),
                ClangOracle.Assert("rp_flex_sring slots", "offsetof(struct rp_big_sring, ring)", FlexibleArrayLayoutTests.FlexibleOffset(page, "ring")),
            };
            asserts.AddRange(ClangOracle.Assertions(DotNetLayout.Measure(Generated(abi, "rp_flex_sring_entry")), "union rp_big_sring_entry"));
            asserts.AddRange(ClangOracle.Assertions(DotNetLayout.Measure(Generated(abi, "rp_flex_front_ring")), "struct rp_big_front_ring"));
            var result = ClangOracle.Check(Triple(abi), asserts, cacheKey: "rings-flex/" + Triple(abi), headers: new[] { Header });
            result.AssertAgrees(abi);
        }

        /// <summary>The generated ring arithmetic against io/ring.h's own macros, evaluated by clang: SlotsFor(bytes) is
        /// __CONST_RING_SIZE(NAME, bytes), and Slot(index, slots) is the address of sring->ring[index &amp; (slots - 1)].</summary>
        [Theory]
        [MemberData(nameof(Abis))]
        public void Slots_per_ring_and_the_slot_an_index_names_match_io_ring_h(string abi)
        {
            var asserts = new List<string>();
            foreach (var ring in Rings)
            {
                var page = Generated(abi, ring + "_sring");
                var slotsFor = page.GetMethod("SlotsFor")!;
                foreach (uint bytes in new uint[] { 1000, 4096, 8192, 65536 })
                {
                    uint slots = (uint)slotsFor.Invoke(null, new object[] { bytes })!;
                    asserts.Add(ClangOracle.Assert($"{ring} slots in {bytes}", $"__CONST_RING_SIZE({ring}, {bytes})", slots));
                    uint index = 3 * slots + 5;   // a free-running index past two wraps
                    asserts.Add(ClangOracle.Assert($"{ring} slot of index {index}",
                        $"offsetof(struct {ring}_sring, ring) + ({index}u & ({slots}u - 1)) * sizeof(union {ring}_sring_entry)", SlotAt(page, index, slots)));
                }
            }
            var result = ClangOracle.Check(Triple(abi), asserts, cacheKey: "ring-slots/" + Triple(abi), headers: new[] { Header });
            result.AssertAgrees(abi);
        }

        private static long SlotAt(Type page, uint index, uint slots)
        {
            var slot = page.GetMethod("Slot")!.ReturnType.GetElementType()!;
            var probe = typeof(RingLayoutTests).GetMethod(nameof(SlotProbe), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(page, slot);
            return (long)probe.Invoke(null, new object[] { index, slots })!;
        }

        private static unsafe long SlotProbe<TPage, TSlot>(uint index, uint slots) where TPage : unmanaged where TSlot : unmanaged
        {
            var buffer = new byte[sizeof(TPage) + (int)slots * sizeof(TSlot)];
            fixed (byte* p = buffer)
            {
                var slotOf = (SlotOf<TPage, TSlot>)Delegate.CreateDelegate(typeof(SlotOf<TPage, TSlot>), typeof(TPage).GetMethod("Slot")!);
                return (byte*)Unsafe.AsPointer(ref slotOf(ref Unsafe.AsRef<TPage>(p), index, slots)) - p;
            }
        }

        private delegate ref TSlot SlotOf<TPage, TSlot>(ref TPage page, uint index, uint slots);

        /// <summary>The indices on the shared page are written by one end and read by the other: atomic wrappers. The
        /// private rings' are plain integers.</summary>
        [Fact]
        public void The_shared_pages_indices_are_atomic_and_the_private_ones_plain()
        {
            var page = Generated("x86_64", "rp_big_sring");
            foreach (var f in new[] { "req_prod", "req_event", "rsp_prod", "rsp_event" })
                Assert.Equal("SharedU32", page.GetField(f)!.FieldType.Name);
            Assert.Equal(typeof(uint), Generated("x86_64", "rp_big_front_ring").GetField("req_prod_pvt")!.FieldType);
            Assert.Equal(typeof(uint), Generated("x86_64", "rp_big_back_ring").GetField("req_cons")!.FieldType);
        }

        private static string Triple(string abi) => ClangLayoutTests.Abis.Single(a => a.Abi == abi).Triple;

        private static Type Generated(string abi, string name)
        {
            string ns = ClangLayoutTests.Abis.Single(a => a.Abi == abi).Namespace.Replace("Xen.Evtchn.", "RingProbe.");
            return typeof(RingLayoutTests).Assembly.GetType(ns + "." + name) ?? throw new Xunit.Sdk.XunitException($"{ns}.{name} was not generated");
        }
    }
}
