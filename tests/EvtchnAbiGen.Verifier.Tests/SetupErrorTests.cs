using System.IO;
using System.Linq;
using System.Text.Json;
using EvtchnAbiGen.Clang;
using Xunit;

namespace EvtchnAbiGen.Verifier.Tests
{
    public class SetupErrorTests
    {
        [Fact]
        public void Missing_header_folder_is_a_clear_error()
        {
            var ex = Assert.Throws<VerifierSetupException>(() => HeaderSet.ForXenDirectory("/nonexistent/xen", HeaderSet.BuiltInExtras()));
            Assert.Contains("libxen-dev", ex.Message);
            var (code, stdout, stderr) = Fixture.Cli("verify", "--headers", "/nonexistent/xen");
            Assert.Equal(2, code);
            Assert.Equal("", stdout);
            Assert.Contains("not found", stderr);
            Assert.DoesNotContain("   at ", stderr);
        }

        [Fact]
        public void Folder_without_xen_headers_is_a_clear_error()
        {
            using var temp = new TestSupport.TempDir("evtchn-empty-");
            string dir = temp.Path;
            var (code, _, stderr) = Fixture.Cli("verify", "--headers", dir);
            Assert.Equal(2, code);
            Assert.Contains("missing xen.h, event_channel.h", stderr);
        }

        [Fact]
        public void Unparsable_header_is_an_error_not_bogus_layouts()
        {
            using var copy = Fixture.CopyHeaders();
            string dir = copy.Dir;
            Fixture.Mutate(dir, "event_channel.h", "struct evtchn_send {", "struct evtchn_send { this is not C;");
            Fixture.LoadClang();
            var ex = Assert.Throws<VerifierSetupException>(() => LayoutVerifier.Run(Fixture.BuiltInSpecs(), HeaderSet.ForXenDirectory(dir, HeaderSet.BuiltInExtras())));
            Assert.Contains("do not compile", ex.Message);
            Assert.Contains("event_channel.h", ex.Message);
            var (code, _, stderr) = Fixture.Cli("verify", "--headers", dir);
            Assert.Equal(2, code);
            Assert.Contains("error:", stderr);
            Assert.DoesNotContain("   at ", stderr);
        }

        [Fact]
        public void Bad_libclang_path_and_bad_options_exit_2()
        {
            var (code, _, stderr) = Fixture.Cli("verify", "--libclang", "/nonexistent/libclang.so");
            Assert.Equal(2, code);
            Assert.Contains("--libclang", stderr);
            Assert.Equal(2, Fixture.Cli("verify", "--format", "xml").code);
            Assert.Equal(2, Fixture.Cli("verify", "--no-such-option").code);
        }

        [Fact]
        public void Explicit_libclang_path_is_used_and_a_file_that_is_no_library_exits_2()
        {
            string system = LibClang.SystemCandidates().First();
            var (code, stdout, stderr) = Fixture.Cli("verify", "--libclang", system);
            Assert.True(code == 0, stderr + stdout);
            Assert.Contains("OK: all", stdout);

            using var temp = new TestSupport.TempDir("evtchn-notlib-");
            string fake = Path.Combine(temp.Path, "libclang.so");
            File.WriteAllText(fake, "not an ELF file");
            (code, stdout, stderr) = Fixture.Cli("verify", "--libclang", fake);
            Assert.Equal(2, code);
            Assert.Equal("", stdout);
            Assert.Contains($"'{fake}' could not be loaded as libclang", stderr);
            Assert.DoesNotContain("   at ", stderr);
        }

        [Fact]
        public void System_libclang_is_found_newest_first()
        {
            var all = LibClang.SystemCandidates().ToList();
            Assert.NotEmpty(all);
            Assert.Contains(all, p => p.Contains("libclang"));
        }
    }

    public class CliReportTests
    {
        [Fact]
        public void Default_run_prints_a_table_and_exits_0()
        {
            var (code, stdout, stderr) = Fixture.Cli("verify");
            Assert.True(code == 0, stderr + stdout);
            // The whole public set: rows that match everywhere fold into one line.
            Assert.Matches(@"\((\d+) more structs: ✓ everywhere\)", stdout);
            Assert.DoesNotContain("✗", stdout);
            Assert.Contains("OK: all", stdout);
            var (_, curated, _) = Fixture.Cli(new[] { "verify" }.Concat(System.IO.Directory.GetFiles(System.IO.Path.Combine(Fixture.RepoRoot, "AbiSpecs"), "*.abi")).ToArray());
            Assert.Matches(@"shared_info\s+✓\s+✓\s+✓\s+✓", curated);   // 27 curated structs: every row shown
        }

        [Fact]
        public void Drift_gives_exit_1_and_valid_sarif()
        {
            using var copy = Fixture.CopyHeaders();
            string dir = copy.Dir;
            Fixture.Mutate(dir, "event_channel.h", "    evtchn_port_t port;\n    uint32_t priority;", "    uint32_t priority;\n    evtchn_port_t port;");
            var (code, stdout, stderr) = Fixture.Cli("verify", "--headers", dir, "--format", "sarif");
            Assert.True(code == 1, stderr);
            using var doc = JsonDocument.Parse(stdout);
            var root = doc.RootElement;
            Assert.Equal("2.1.0", root.GetProperty("version").GetString());
            var run = root.GetProperty("runs")[0];
            Assert.Equal("evtchn-abi verify", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
            var results = run.GetProperty("results").EnumerateArray().ToList();
            Assert.Equal(8, results.Count); // port and priority, on 4 ABIs
            var loc = results[0].GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal("AbiSpecs/xen-fifo.abi", loc.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.True(loc.GetProperty("region").GetProperty("startLine").GetInt32() > 1);
            Assert.Equal("EAG2002", results[0].GetProperty("ruleId").GetString());

            var (code2, text, _) = Fixture.Cli("verify", "--headers", dir, "--abi", "arm64");
            Assert.Equal(1, code2);
            Assert.Contains("arm64: struct evtchn_set_priority: field 'port' offset: C headers say 4, spec says 0", text);
            Assert.Contains("[AbiSpecs/xen-fifo.abi:", text);
        }

        [Fact]
        public void Json_report_lists_drifts_with_spec_and_c_locations()
        {
            using var copy = Fixture.CopyHeaders();
            string dir = copy.Dir;
            Fixture.Mutate(dir, "event_channel.h", "uint32_t head[EVTCHN_FIFO_MAX_QUEUES];", "uint32_t head[8];");
            var (code, stdout, _) = Fixture.Cli("verify", "--headers", dir, "--abi", "x86_64", "--format", "json");
            Assert.Equal(1, code);
            using var doc = JsonDocument.Parse(stdout);
            Assert.False(doc.RootElement.GetProperty("clean").GetBoolean());
            var drift = doc.RootElement.GetProperty("abis")[0].GetProperty("drifts").EnumerateArray()
                .Single(d => d.GetProperty("kind").GetString() == "FieldSize");
            Assert.Equal("head", drift.GetProperty("field").GetString());
            Assert.EndsWith("event_channel.h", drift.GetProperty("c").GetProperty("file").GetString());
        }
    }
}
