using System.Linq;
using System.Text.Json;
using Xunit;

namespace EvtchnAbiGen.Verifier.Tests
{
    /// <summary>verify --headers LABEL=DIR, repeated: one report over several header sets.</summary>
    public class ReleaseMatrixTests
    {
        [Fact]
        public void A_drift_in_one_release_fails_the_run_and_is_named_with_its_release_and_field()
        {
            using var good = Fixture.CopyHeaders();
            using var bad = Fixture.CopyHeaders();
            Fixture.Mutate(bad.Dir, "event_channel.h", "    evtchn_port_t port;\n    uint32_t priority;\n};",
                "    uint32_t priority;\n    evtchn_port_t port;\n};");
            var (code, stdout, _) = Fixture.Cli("verify", "--headers", "good=" + good.Dir, "--headers", "bad=" + bad.Dir);
            Assert.Equal(1, code);
            Assert.Matches(@"evtchn_set_priority\s+✓\s+✗ \d+", stdout);
            Assert.Contains("[bad] EAG2002 x86_64: struct evtchn_set_priority: field 'port' offset: C headers say 4, spec says 0", stdout);
            Assert.DoesNotContain("[good] EAG", stdout);

            var json = Fixture.Cli("verify", "--headers", "good=" + good.Dir, "--headers", "bad=" + bad.Dir, "--format", "json");
            using var doc = JsonDocument.Parse(json.stdout);
            var releases = doc.RootElement.GetProperty("releases").EnumerateArray().ToList();
            Assert.Equal(new[] { "good", "bad" }, releases.Select(r => r.GetProperty("release").GetString()));
            Assert.Equal(new[] { true, false }, releases.Select(r => r.GetProperty("clean").GetBoolean()));
            Assert.False(doc.RootElement.GetProperty("clean").GetBoolean());
        }

        [Fact]
        public void Every_sarif_finding_carries_rule_level_message_location_and_release()
        {
            using var bad = Fixture.CopyHeaders();
            Fixture.Mutate(bad.Dir, "event_channel.h", "    evtchn_port_t port;\n    uint32_t priority;\n};",
                "    uint32_t priority;\n    evtchn_port_t port;\n};");
            var (code, stdout, _) = Fixture.Cli("verify", "--headers", "4.17-patched=" + bad.Dir, "--format", "sarif");
            Assert.Equal(1, code);
            using var doc = JsonDocument.Parse(stdout);
            var run = doc.RootElement.GetProperty("runs")[0];
            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
            var results = run.GetProperty("results").EnumerateArray().ToList();
            Assert.Equal(8, results.Count); // port and priority, offset each, on four ABIs
            foreach (var r in results)
            {
                string id = r.GetProperty("ruleId").GetString()!;
                Assert.Equal(id, rules[r.GetProperty("ruleIndex").GetInt32()]);
                Assert.Equal("error", r.GetProperty("level").GetString());
                Assert.StartsWith("[4.17-patched] ", r.GetProperty("message").GetProperty("text").GetString());
                var loc = r.GetProperty("locations")[0].GetProperty("physicalLocation");
                Assert.EndsWith("xen-fifo.abi", loc.GetProperty("artifactLocation").GetProperty("uri").GetString());
                Assert.True(loc.GetProperty("region").GetProperty("startLine").GetInt32() > 0);
                Assert.Equal("4.17-patched", r.GetProperty("properties").GetProperty("release").GetString());
            }
        }
    }
}
