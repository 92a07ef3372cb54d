using System.Linq;
using EvtchnAbiGen.Core.Layout;
using EvtchnAbiGen.Core.Spec;
using Xunit;

namespace EvtchnAbiGen.Verifier.Tests
{
    /// <summary>The libclang reader on its own, against the fact sheet and a header of our own.</summary>
    public class ReaderTests
    {
        [Fact]
        public void Reads_xen_records_as_the_fact_sheet_gives_them()
        {
            Fixture.LoadClang();
            var set = HeaderSet.ForXenDirectory(Fixture.SystemHeaders, HeaderSet.BuiltInExtras());
            var c = HeaderReader.Read(AbiTarget.X86_32, set, new[] { "shared_info", "vcpu_info" }, new[] { "EVTCHN_2L_NR_CHANNELS", "XEN_LEGACY_MAX_VCPUS" });
            Assert.Equal(2344, c.Records["shared_info"].Size);
            Assert.Equal(0x924, c.Records["shared_info"].Fields.Single(f => f.Path == "arch.wc_sec_hi").Offset);
            Assert.Equal(1024, c.Constants["EVTCHN_2L_NR_CHANNELS"]);
            Assert.Equal(32, c.Constants["XEN_LEGACY_MAX_VCPUS"]);
            var arm = HeaderReader.Read(AbiTarget.Arm64, set, new[] { "vcpu_info" }, new string[0]);
            Assert.Equal(16, arm.Records["vcpu_info"].Fields.Single(f => f.Path == "time").Offset);
            Assert.Contains(arm.Records["vcpu_info"].Fields, f => f.Path == "pad0");
        }

        [Fact]
        public void Anonymous_and_nested_members_use_offsetof_paths_and_enums_count_as_constants()
        {
            const string header = "#include <stdint.h>\nenum probe_kind { PROBE_A = 3, PROBE_B = 9 };\n" +
                "struct anon_probe { uint16_t k; union { uint8_t x; struct { uint8_t y0; uint32_t y; }; }; struct { uint8_t m; uint64_t n; } s; };\n";
            const string spec = "namespace P;\nconst PROBE_B = 9;\nconst PROBE_MISSING = 1;\n" +
                "struct anon_probe { uint16_t k; union { uint8_t x; struct { uint8_t y0; uint32_t y; }; }; struct { uint8_t m; uint64_t n; } s; }\n";
            Fixture.LoadClang();
            var specs = LayoutEngine.Run(new[] { Parser.Parse("probe.abi", spec) });
            var set = HeaderSet.ForXenDirectory(Fixture.SystemHeaders, new[] { ("probe.h", header) });
            var report = LayoutVerifier.Run(specs, set);
            var x32 = report.Abis.Single(a => a.Target.Name == "x86_32");
            var d = Assert.Single(x32.Drifts);
            Assert.Equal((DriftKind.ConstantMissingInC, "PROBE_MISSING"), (d.Kind, d.Constant));

            var c = HeaderReader.Read(AbiTarget.X86_32, set, new[] { "anon_probe" }, new[] { "PROBE_B" });
            Assert.Equal(new[] { "k@0", "x@4", "y0@4", "y@8", "s@12", "s.m@12", "s.n@16" },
                c.Records["anon_probe"].Fields.Select(f => $"{f.Path}@{f.Offset}").ToArray());
            Assert.Equal(9, c.Constants["PROBE_B"]);
        }
    }
}
