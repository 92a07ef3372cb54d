using System.Linq;
using Xunit;

namespace EvtchnAbiGen.Verifier.Tests
{
    /// <summary>One mutation of a copy of Xen's real headers per test; each must be reported precisely.</summary>
    public class MutationTests
    {
        private static void Has(System.Collections.Generic.List<Drift> drifts, DriftKind kind, string? field, string expected, string actual)
            => Assert.True(drifts.Any(d => d.Kind == kind && d.Field == field && d.Expected == expected && d.Actual == actual),
                $"expected {kind} {field} C={expected} spec={actual}; got:\n  " + string.Join("\n  ", drifts.Select(d => d.Message)));

        [Fact]
        public void Unmodified_headers_match_every_spec()
        {
            var r = Fixture.Verify(Fixture.SystemHeaders);
            Assert.True(r.Clean, string.Join("\n", r.AllDrifts.Select(d => d.Message)));
            Assert.Equal(4, r.Abis.Count);
            Assert.All(r.Abis, a => Assert.True(a.Structs.Count >= 27));
        }

        [Fact]
        public void Widened_field_type()
        {
            using var copy = Fixture.CopyHeaders();
            string dir = copy.Dir;
            Fixture.Mutate(dir, "event_channel.h", "struct evtchn_bind_ipi {\n    uint32_t vcpu;", "struct evtchn_bind_ipi {\n    uint64_t vcpu;");
            var r = Fixture.Verify(dir);
            var x64 = Fixture.Of(r, "x86_64", "evtchn_bind_ipi");
            Has(x64, DriftKind.Size, null, "16", "8");
            Has(x64, DriftKind.Alignment, null, "8", "4");
            Has(x64, DriftKind.FieldSize, "vcpu", "8", "4");
            Has(x64, DriftKind.FieldOffset, "port", "8", "4");
            Has(Fixture.Of(r, "x86_32", "evtchn_bind_ipi"), DriftKind.Size, null, "12", "8"); // i386: uint64_t is 4-aligned
        }

        [Fact]
        public void Removed_field()
        {
            using var copy = Fixture.CopyHeaders();
            string dir = copy.Dir;
            Fixture.Mutate(dir, "xen.h", "    uint32_t wc_nsec;\n", "");
            var r = Fixture.Verify(dir);
            foreach (var abi in new[] { "x86_32", "x86_64", "arm32", "arm64" })
            {
                var d = Fixture.Of(r, abi, "shared_info");
                Has(d, DriftKind.MissingInC, "wc_nsec", "-", abi == "x86_32" ? "2312" : abi == "x86_64" ? "3080" : "1080");
            }
            Has(Fixture.Of(r, "x86_32", "shared_info"), DriftKind.FieldOffset, "arch", "2312", "2316");
            var msg = Fixture.Of(r, "x86_64", "shared_info").First(d => d.Field == "wc_nsec").Message;
            Assert.Contains("x86_64", msg);
            Assert.Contains("shared_info", msg);
            Assert.Contains("AbiSpecs/xen-2l.abi:", msg);
        }

        [Fact]
        public void Swapped_fields()
        {
            using var copy = Fixture.CopyHeaders();
            string dir = copy.Dir;
            Fixture.Mutate(dir, "event_channel.h", "    evtchn_port_t port;\n    uint32_t priority;", "    uint32_t priority;\n    evtchn_port_t port;");
            var r = Fixture.Verify(dir);
            foreach (var abi in new[] { "x86_32", "arm64" })
            {
                var d = Fixture.Of(r, abi, "evtchn_set_priority");
                Has(d, DriftKind.FieldOffset, "port", "4", "0");
                Has(d, DriftKind.FieldOffset, "priority", "0", "4");
                Assert.DoesNotContain(d, x => x.Kind == DriftKind.Size);
            }
        }

        [Fact]
        public void Changed_array_length()
        {
            using var copy = Fixture.CopyHeaders();
            string dir = copy.Dir;
            Fixture.Mutate(dir, "event_channel.h", "uint32_t head[EVTCHN_FIFO_MAX_QUEUES];", "uint32_t head[8];");
            var d = Fixture.Of(Fixture.Verify(dir), "arm32", "evtchn_fifo_control_block");
            Has(d, DriftKind.FieldSize, "head", "32", "64");
            Has(d, DriftKind.Size, null, "40", "72");
        }

        [Fact]
        public void Changed_define()
        {
            using var copy = Fixture.CopyHeaders();
            string dir = copy.Dir;
            Fixture.Mutate(dir, "event_channel.h", "#define EVTCHNOP_set_priority    13", "#define EVTCHNOP_set_priority    31");
            var r = Fixture.Verify(dir);
            foreach (var a in r.Abis)
            {
                var d = Assert.Single(a.Drifts);
                Assert.Equal(DriftKind.ConstantValue, d.Kind);
                Assert.Equal("EVTCHNOP_set_priority", d.Constant);
                Assert.Equal(("31", "13"), (d.Expected, d.Actual));
                Assert.Equal("EAG2006", d.RuleId);
            }
        }

        [Fact]
        public void Changed_typedef()
        {
            using var copy = Fixture.CopyHeaders();
            string dir = copy.Dir;
            Fixture.Mutate(dir, "xen.h", "typedef uint16_t domid_t;", "typedef uint32_t domid_t;");
            var r = Fixture.Verify(dir);
            var d = Fixture.Of(r, "x86_64", "evtchn_alloc_unbound");
            Has(d, DriftKind.Size, null, "12", "8");
            Has(d, DriftKind.FieldSize, "dom", "4", "2");
            Has(d, DriftKind.FieldOffset, "remote_dom", "4", "2");
            Has(Fixture.Of(r, "arm32", "evtchn_reset"), DriftKind.Size, null, "4", "2");
        }

        [Fact]
        public void Added_packing_pragma()
        {
            using var copy = Fixture.CopyHeaders();
            string dir = copy.Dir;
            Fixture.Mutate(dir, "event_channel.h", "struct evtchn_init_control {", "#pragma pack(push, 4)\nstruct evtchn_init_control {");
            Fixture.Mutate(dir, "event_channel.h", "typedef struct evtchn_init_control evtchn_init_control_t;", "#pragma pack(pop)\ntypedef struct evtchn_init_control evtchn_init_control_t;");
            var r = Fixture.Verify(dir);
            foreach (var abi in new[] { "x86_64", "arm32", "arm64" })
            {
                var d = Assert.Single(Fixture.Of(r, abi));
                Assert.Equal(("evtchn_init_control", DriftKind.Alignment, "4", "8"), (d.Struct, d.Kind, d.Expected, d.Actual));
            }
            Assert.Empty(Fixture.Of(r, "x86_32")); // i386 already aligns uint64_t to 4: packing changes nothing
        }
    }
}
