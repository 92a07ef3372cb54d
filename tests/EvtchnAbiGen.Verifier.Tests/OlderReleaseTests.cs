using System;
using System.IO;
using System.Linq;
using EvtchnAbiGen.Core.Layout;
using EvtchnAbiGen.Core.Spec;
using Xunit;

namespace EvtchnAbiGen.Verifier.Tests
{
    /// <summary>A set imported from newer headers, verified against older ones: what the older headers lack is
    /// "newer" (absent there, not drift); ABI changes Xen made are listed in a baseline and reported as known;
    /// anything else is still drift.</summary>
    public class OlderReleaseTests
    {
        /// <summary>A record and a constant no Xen header has, and a real one with a field C lacks (in its padding,
        /// so its size and other offsets are C's).</summary>
        private const string Spec = @"
namespace T;
struct evtchn_future_op { uint32_t port; }
const EVTCHNOP_future = 99;
struct evtchn_bind_interdomain { domid_t remote_dom; uint16_t added_later; evtchn_port_t remote_port; evtchn_port_t local_port; }
typedef evtchn_port_t = uint32_t;
typedef domid_t = uint16_t;
";

        /// <summary>evtchn_send grown at its end: the new field is newer, the size change a real ABI difference.</summary>
        private const string Grown = @"
imported_from 0x00041300;
namespace T;
struct evtchn_send { evtchn_port_t port; uint32_t added_later; }
struct evtchn_close { evtchn_port_t port; uint16_t wrong; }
typedef evtchn_port_t = uint32_t;
";

        private static VerifyReport Verify(string spec, DriftBaseline? baseline = null, string? headers = null)
        {
            Fixture.LoadClang();
            var layout = LayoutEngine.Run(new[] { Parser.Parse("t.abi", spec) });
            Assert.False(layout.HasErrors, string.Join("\n", layout.Diagnostics));
            return LayoutVerifier.Run(layout, HeaderSet.ForXenDirectory(headers ?? Fixture.SystemHeaders, Array.Empty<(string, string)>()), baseline);
        }

        [Fact]
        public void What_older_headers_lack_is_newer_not_drift_when_the_spec_was_imported_from_newer_headers()
        {
            // The system's headers (Xen 4.17) say 0x00040e00; 0x00041300 is Xen 4.20's.
            var report = Verify("imported_from 0x00041300;" + Spec);
            Assert.True(report.Clean, string.Join("\n", report.AllDrifts.Select(d => d.Message)));
            var newer = report.Abis.Single(a => a.Target.Name == "x86_64").AllExcused;
            Assert.All(newer, d => Assert.Equal(DriftStatus.Newer, d.Status));
            Assert.Equal(new[] { DriftKind.StructMissingInC, DriftKind.MissingInC, DriftKind.ConstantMissingInC }.OrderBy(k => k),
                newer.Select(d => d.Kind).OrderBy(k => k));
            Assert.Contains(newer, d => d.Struct == "evtchn_bind_interdomain" && d.Field == "added_later");
        }

        [Fact]
        public void Without_imported_from_or_against_headers_as_new_the_same_differences_are_drift()
        {
            var plain = Verify(Spec);
            Assert.Equal(3, plain.Abis.Single(a => a.Target.Name == "x86_64").Drifts.Count);
            Assert.Empty(plain.AllExcused);
            // Imported from the very version these headers are: a missing record there is drift, not "newer".
            var same = Verify("imported_from 0x00040e00;" + Spec);
            Assert.False(same.Clean);
            Assert.Empty(same.AllExcused);
        }

        [Fact]
        public void A_size_change_is_still_drift_though_the_spec_is_newer_and_a_baseline_makes_exactly_it_known()
        {
            var report = Verify(Grown);
            var x64 = report.Abis.Single(a => a.Target.Name == "x86_64");
            var size = Assert.Single(x64.Drifts, d => d.Struct == "evtchn_send");
            Assert.Equal(DriftKind.Size, size.Kind);
            Assert.Contains(x64.AllExcused, d => d.Struct == "evtchn_send" && d.Field == "added_later" && d.Status == DriftStatus.Newer);

            // The baseline --write-baseline would write, cut to evtchn_send's line on x86_64 only.
            string written = DriftBaseline.Write(new[] { new ReleaseReport("4.17", Fixture.SystemHeaders, report) });
            string line = Assert.Single(written.Split('\n'), l => l.StartsWith("EAG2001 x86_64 struct evtchn_send", StringComparison.Ordinal));
            Assert.Equal("EAG2001 x86_64 struct evtchn_send: sizeof: C 4, spec 8", line);
            var known = Verify(Grown, DriftBaseline.Parse(new[] { "# a comment\n" + line + "\n" }));
            var k64 = known.Abis.Single(a => a.Target.Name == "x86_64");
            Assert.Contains(k64.AllExcused, d => d.Struct == "evtchn_send" && d.Status == DriftStatus.Known);
            Assert.DoesNotContain(k64.Drifts, d => d.Struct == "evtchn_send");
            // Only that line: evtchn_close's drift, and evtchn_send's on the other ABIs, still fail.
            Assert.Contains(k64.Drifts, d => d.Struct == "evtchn_close");
            Assert.Contains(known.Abis.Single(a => a.Target.Name == "x86_32").Drifts, d => d.Struct == "evtchn_send");
            Assert.False(known.Clean);
        }

        [Fact]
        public void The_cli_reads_baselines_beside_the_specs_writes_one_and_can_ignore_them()
        {
            string dir = Path.Combine(Path.GetTempPath(), "eag-baseline-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                File.WriteAllText(Path.Combine(dir, "t.abi"), Grown.Replace("struct evtchn_close { evtchn_port_t port; uint16_t wrong; }", ""));
                string written = Path.Combine(dir, "out.txt");
                var (code, stdout, stderr) = Fixture.Cli("verify", dir, "--write-baseline", written);
                Assert.True(code == 1, stderr + stdout);
                Assert.Equal(4, File.ReadAllLines(written).Count(l => l.StartsWith("EAG2001 ", StringComparison.Ordinal)));
                File.Copy(written, Path.Combine(dir, "known.baseline"));
                (code, stdout, stderr) = Fixture.Cli("verify", dir);
                Assert.True(code == 0, stderr + stdout);
                Assert.Matches(@"evtchn_send\s+known 1\s+known 1\s+known 1\s+known 1", stdout);
                Assert.Contains("known from the baseline: 4 difference(s)", stdout);
                (code, _, _) = Fixture.Cli("verify", dir, "--no-baseline");
                Assert.Equal(1, code);
                (code, _, stderr) = Fixture.Cli("verify", dir, "--baseline", Path.Combine(dir, "nope.baseline"));
                Assert.Equal(2, code);
                Assert.Contains("baseline file not found", stderr);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        /// <summary>The shipped whole public set (imported from 4.20) against the three Debian releases, as CI runs it:
        /// clean, with 4.20's records absent from 4.14 reported as newer and the baseline's ABI changes as known.</summary>
        [XenReleaseFact("bullseye", "bookworm", "trixie")]
        public void The_whole_public_set_verifies_against_every_release_with_newer_and_known_differences_named()
        {
            var (code, stdout, stderr) = Fixture.Cli("verify", "--headers", "4.14=" + ImportTests.Headers("bullseye"),
                "--headers", "4.17=" + ImportTests.Headers("bookworm"), "--headers", "4.20=" + ImportTests.Headers("trixie"), "--format", "json");
            Assert.True(code == 0, stderr + stdout);
            using var doc = System.Text.Json.JsonDocument.Parse(stdout);
            var releases = doc.RootElement.GetProperty("releases").EnumerateArray().ToList();
            int Count(int i, string status, string kind) => releases[i].GetProperty("abis").EnumerateArray().Sum(a => a.GetProperty("excused").EnumerateArray()
                .Count(d => d.GetProperty("status").GetString() == status && d.GetProperty("kind").GetString() == kind));
            Assert.True(Count(0, "newer", "StructMissingInC") >= 4 * 20, "4.14 lacks 4.20's dm_op and displif records");
            Assert.True(Count(0, "known", "Size") > 0, "4.14's smaller xenstore_domain_interface comes from the baseline");
            Assert.Equal(0, Count(2, "newer", "StructMissingInC") + Count(2, "known", "Size"));   // 4.20: what it was imported from
            Assert.True(releases[2].GetProperty("abis")[0].GetProperty("structs").GetArrayLength() > 350);
        }
    }
}
