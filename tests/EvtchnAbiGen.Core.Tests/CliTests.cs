using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace EvtchnAbiGen.Core.Tests
{
    /// <summary>The CLI as a user runs it, in a child process.</summary>
    public class CliTests
    {
        private static (int code, string stdout, string stderr) Run(params string[] args) => TestSupport.CliRunner.Run(args);

        [Fact]
        public void Json_has_exactly_the_documented_shape()
        {
            var (code, stdout, stderr) = Run("layout", "--format", "json");
            Assert.True(code == 0, stderr);
            using var doc = JsonDocument.Parse(stdout);
            var root = doc.RootElement;
            Assert.Equal(new[] { "abis" }, root.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Equal(new[] { "x86_32", "x86_64", "arm32", "arm64" }, root.GetProperty("abis").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToArray());
            foreach (var abi in root.GetProperty("abis").EnumerateArray())
            {
                Assert.Equal(new[] { "name", "structs", "constants" }, abi.EnumerateObject().Select(p => p.Name).ToArray());
                foreach (var s in abi.GetProperty("structs").EnumerateArray())
                {
                    // A record a ring declares names it (the whole public set's io/*.h rings), as docs/layout-json.md says.
                    Assert.Equal(s.TryGetProperty("ring", out _) ? new[] { "name", "size", "align", "ring", "fields" } : new[] { "name", "size", "align", "fields" },
                        s.EnumerateObject().Select(p => p.Name).ToArray());
                    // A bitfield (hvm/ioreq.h's, in the whole public set) adds its bits, as docs/layout-json.md says.
                    foreach (var f in s.GetProperty("fields").EnumerateArray())
                        Assert.Equal(f.TryGetProperty("bitWidth", out _) ? new[] { "name", "offset", "size", "bitOffset", "bitWidth" } : new[] { "name", "offset", "size" },
                            f.EnumerateObject().Select(p => p.Name).ToArray());
                }
                foreach (var c in abi.GetProperty("constants").EnumerateArray())
                    Assert.Equal(new[] { "name", "value" }, c.EnumerateObject().Select(p => p.Name).ToArray());
            }

            Assert.Equal("blkif", root.GetProperty("abis")[0].GetProperty("structs").EnumerateArray()
                .Single(s => s.GetProperty("name").GetString() == "blkif_sring").GetProperty("ring").GetString());

            // The issue's own example, and facts from xen-evtchn-abi.md §2.4.
            var x64 = root.GetProperty("abis")[1];
            var si = x64.GetProperty("structs").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "shared_info");
            Assert.Equal(3136, si.GetProperty("size").GetInt32());
            Assert.Equal(8, si.GetProperty("align").GetInt32());
            var fields = si.GetProperty("fields").EnumerateArray()
                .ToDictionary(f => f.GetProperty("name").GetString()!, f => (f.GetProperty("offset").GetInt32(), f.GetProperty("size").GetInt32()));
            Assert.Equal((0, 2048), fields["vcpu_info"]);
            Assert.Equal((3088, 8), fields["arch.max_pfn"]);
            Assert.Equal((3088, 48), fields["arch"]);
            Assert.Equal((2048, 512), fields["evtchn_pending"]);
            Assert.False(fields.ContainsKey("vcpu_info.evtchn_upcall_pending"), "array elements are not expanded");
            var status = x64.GetProperty("structs").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "evtchn_status");
            Assert.Contains(status.GetProperty("fields").EnumerateArray(),
                f => f.GetProperty("name").GetString() == "u.interdomain.port" && f.GetProperty("offset").GetInt32() == 20);
            Assert.Contains(x64.GetProperty("constants").EnumerateArray(),
                c => c.GetProperty("name").GetString() == "EVTCHN_FIFO_NR_CHANNELS" && c.GetProperty("value").GetInt64() == 131072);
        }

        [Fact]
        public void Abi_filter_and_table_format()
        {
            var (code, stdout, _) = Run("layout", "--abi", "x86_32");
            Assert.Equal(0, code);
            Assert.Contains("== x86_32", stdout);
            Assert.DoesNotContain("== x86_64", stdout);
            Assert.Contains("struct shared_info  size 2344  align 4", stdout);
            Assert.Contains("arch.wc_sec_hi", stdout);
        }

        [Fact]
        public void Table_ends_with_portability_across_abis()
        {
            var (code, stdout, _) = Run("layout");
            Assert.Equal(0, code);
            string Line(string prefix) => stdout.Split('\n').Single(l => l.TrimStart().StartsWith(prefix, StringComparison.Ordinal));
            // Fact sheet §1.2: FIFO structs share one layout; 8-byte members are only 4-aligned on i386.
            Assert.Contains("evtchn_fifo_control_block", Line("identical"));
            Assert.Contains("evtchn_init_control", Line("same size and offsets"));
            Assert.Contains("shared_info", Line("layout differs"));
        }

        [Fact]
        public void Bad_spec_prints_located_error_and_exits_1()
        {
            using var temp = new TestSupport.TempDir("evtchn-cli-");
            string dir = temp.Path;
            string path = Path.Combine(dir, "bad.abi");
            File.WriteAllText(path, "namespace T;\nstruct s {\n    mystery_t x;\n}\n");
            var (code, stdout, stderr) = Run("layout", path);
            Assert.Equal(1, code);
            Assert.Equal("", stdout);
            Assert.Contains("bad.abi(3,5): error EAG0004: unknown type 'mystery_t'", stderr);
            Assert.DoesNotContain("   at ", stderr); // no stack trace
        }

        [Fact]
        public void Missing_spec_and_bad_option_exit_2_or_usage()
        {
            var (code, _, stderr) = Run("layout", "/nonexistent/x.abi");
            Assert.Equal(2, code);
            Assert.Contains("not found", stderr);
            var (code2, _, _) = Run("layout", "--abi", "riscv");
            Assert.NotEqual(0, code2);
        }
    }
}
