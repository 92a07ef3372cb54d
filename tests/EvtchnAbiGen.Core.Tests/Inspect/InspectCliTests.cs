using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Xunit;
using static EvtchnAbiGen.Core.Tests.Inspect.FifoPages;

namespace EvtchnAbiGen.Core.Tests.Inspect
{
    /// <summary>'evtchn-abi inspect' as a user runs it, on files built by hand (TestPages).</summary>
    public class InspectCliTests
    {
        private static (int code, string stdout, string stderr) Run(params string[] args) => TestSupport.CliRunner.Run(args);

        private static string[] Keys(JsonElement e) => e.EnumerateObject().Select(p => p.Name).ToArray();

        private static uint[] Ports(JsonElement e) => e.EnumerateArray().Select(x => x.GetUInt32()).ToArray();

        [Theory]
        [InlineData("x86_64", "vcpu 0: upcall_pending 1, selector 0x0000000000000003 (bits 0 1)",
            "problems (1):\n  warning selector-without-pending: vcpu 0: evtchn_pending_sel bit 1 is set, but evtchn_pending word 1 (ports 64..127) has nothing pending\n")]
        [InlineData("x86_32", "vcpu 0: upcall_pending 1, selector 0x00000003 (bits 0 1)", "problems: none\n")]
        public void Shared_info_text_lists_pending_masked_and_unselected(string abi, string vcpuLine, string problems)
        {
            using var dir = new TestSupport.TempDir("evtchn-inspect-");
            // Port 40 is in word 0 with 64-bit words and in word 1 with 32-bit ones; port 300 is in word 4 or 9.
            var page = new SharedInfoPage(abi).Pending(5, 40, 300).Masked(5, 700).Vcpu(0, 1, 0b11);
            string file = TempFiles.Write(dir.Path, "shared.bin", page.Bytes);
            var (code, stdout, stderr) = Run("inspect", "shared-info", file, "--abi", abi, "--vcpus", "2");
            Assert.True(code == 0, stderr);
            Assert.Contains("pending (3): 5 40 300\n", stdout);
            Assert.Contains("masked (2): 5 700\n", stdout);
            Assert.Contains(vcpuLine + "\n  unmasked but not selected: 300\n", stdout);
            Assert.Contains("vcpu 1: upcall_pending 0, selector 0x" + new string('0', abi == "x86_32" ? 8 : 16) + "\n  unmasked but not selected: 40 300\n", stdout);
            Assert.EndsWith(problems, stdout);
        }

        [Fact]
        public void Shared_info_json_has_the_documented_shape_and_a_selector_problem()
        {
            using var dir = new TestSupport.TempDir("evtchn-inspect-");
            var page = new SharedInfoPage("x86_32", 4096).Pending(33).Vcpu(0, 1, (1u << 1) | (1u << 5));
            var (code, stdout, stderr) = Run("inspect", "shared-info", TempFiles.Write(dir.Path, "page.bin", page.Bytes), "--abi", "x86_32", "--format", "json");
            Assert.True(code == 0, stderr);   // warnings only
            using var doc = JsonDocument.Parse(stdout);
            var root = doc.RootElement;
            Assert.Equal(new[] { "view", "abi", "ports", "word_bits", "pending", "masked", "vcpus", "problems" }, Keys(root));
            Assert.Equal(("shared-info", "x86_32", 1024, 32), (root.GetProperty("view").GetString(), root.GetProperty("abi").GetString(),
                root.GetProperty("ports").GetInt32(), root.GetProperty("word_bits").GetInt32()));
            Assert.Equal(new uint[] { 33 }, Ports(root.GetProperty("pending")));
            Assert.Empty(Ports(root.GetProperty("masked")));
            var vcpus = root.GetProperty("vcpus").EnumerateArray().ToList();
            Assert.Equal(32, vcpus.Count);
            Assert.Equal(new[] { "vcpu", "upcall_pending", "selector", "selector_bits", "unselected" }, Keys(vcpus[0]));
            Assert.Equal("0x00000022", vcpus[0].GetProperty("selector").GetString());
            Assert.Equal(new uint[] { 33 }, Ports(vcpus[1].GetProperty("unselected")));
            var problem = root.GetProperty("problems").EnumerateArray().Single();
            Assert.Equal(new[] { "kind", "severity", "vcpu", "level", "bit", "message" }, Keys(problem));
            Assert.Equal(("selector-without-pending", "warning", 0, 5), (problem.GetProperty("kind").GetString(), problem.GetProperty("severity").GetString(),
                problem.GetProperty("vcpu").GetInt32(), problem.GetProperty("bit").GetInt32()));
        }

        [Fact]
        public void Fifo_json_has_queues_in_link_order_and_structured_problems()
        {
            using var dir = new TestSupport.TempDir("evtchn-inspect-");
            var pages = new FifoPages(2).Chain(7, 1030, 3).Chain(20, 21, 22).Word(22, PENDING | LINKED | 21).Chain(50, 51).Word(60, LINKED | 9000);
            string page0 = TempFiles.Write(dir.Path, "page0.bin", pages.Array().Take(4096).ToArray());
            string page1 = TempFiles.Write(dir.Path, "page1.bin", pages.Array().Skip(4096).ToArray());
            string cb = TempFiles.Write(dir.Path, "cb.bin", Control((1 << 3) | (1 << 5) | (1 << 6), new Dictionary<int, uint> { [3] = 7, [5] = 20, [6] = 60 }, length: 4096));
            var (code, stdout, stderr) = Run("inspect", "fifo", "--array", page0 + "," + page1, "--control", cb, "--format", "json");
            Assert.True(code == 1, stderr + stdout);   // errors: a cycle, a link past the array
            using var doc = JsonDocument.Parse(stdout);
            var root = doc.RootElement;
            Assert.Equal(new[] { "view", "abi", "ports", "pages", "pending", "masked", "linked", "vcpus", "queues", "problems" }, Keys(root));
            Assert.Equal((2048, 2), (root.GetProperty("ports").GetInt32(), root.GetProperty("pages").GetInt32()));
            Assert.Equal(new uint[] { 3, 7, 20, 21, 22, 50, 51, 1030 }, Ports(root.GetProperty("pending")));
            var queues = root.GetProperty("queues").EnumerateArray().ToList();
            Assert.All(queues, q => Assert.Equal(new[] { "vcpu", "priority", "head", "ports" }, Keys(q)));
            Assert.Equal(new[] { (3, "7 1030 3"), (5, "20 21 22"), (6, "60") },
                queues.Select(q => (q.GetProperty("priority").GetInt32(), string.Join(" ", Ports(q.GetProperty("ports"))))));
            var problems = root.GetProperty("problems").EnumerateArray().ToDictionary(p => p.GetProperty("kind").GetString()!, p => p);
            Assert.Equal(new[] { "link-past-array", "shared-link", "queue-cycle", "orphan-linked" }.OrderBy(x => x), problems.Keys.OrderBy(x => x));
            var cycle = problems["queue-cycle"];
            Assert.Equal(("error", 0, 5, 22u, 21u), (cycle.GetProperty("severity").GetString(), cycle.GetProperty("vcpu").GetInt32(),
                cycle.GetProperty("priority").GetInt32(), cycle.GetProperty("port").GetUInt32(), cycle.GetProperty("link").GetUInt32()));
            Assert.Equal((60u, 9000u, 2048), (problems["link-past-array"].GetProperty("port").GetUInt32(), problems["link-past-array"].GetProperty("link").GetUInt32(),
                problems["link-past-array"].GetProperty("count").GetInt32()));
            Assert.Equal(new uint[] { 50, 51 }, Ports(problems["orphan-linked"].GetProperty("ports")));
            Assert.Equal("warning", problems["orphan-linked"].GetProperty("severity").GetString());
        }

        [Fact]
        public void Fifo_text_walks_every_vcpu()
        {
            using var dir = new TestSupport.TempDir("evtchn-inspect-");
            var cb = new byte[8 + 2 * 72];
            Control(1 << 0, new Dictionary<int, uint> { [0] = 4 }).CopyTo(cb, 8);
            Control(0, new Dictionary<int, uint>()).CopyTo(cb, 80);
            string array = TempFiles.Write(dir.Path, "a.bin", new FifoPages().Chain(4, 2).Array());
            var (code, stdout, stderr) = Run("inspect", "fifo", "--array", array, "--control", TempFiles.Write(dir.Path, "cb.bin", cb), "--offset", "8", "--vcpus", "2");
            Assert.True(code == 0, stderr);
            Assert.Contains("vcpu 0: ready 0x00000001 (bits 0)\n  queue 0: 4 -> 2\n", stdout);
            Assert.Contains("vcpu 1: ready 0x00000000, every queue empty\n", stdout);
            Assert.Contains("masked (0): none\n", stdout);
        }

        [Fact]
        public void Three_level_json_reports_selectors_per_vcpu()
        {
            using var dir = new TestSupport.TempDir("evtchn-inspect-");
            string pending = TempFiles.Write(dir.Path, "p.bin", ThreeLevelPages.Bits(4096, 100, 2000));
            string mask = TempFiles.Write(dir.Path, "m.bin", ThreeLevelPages.Bits(4096, 2000));
            string l2 = TempFiles.Write(dir.Path, "l2.bin", ThreeLevelPages.Bits(128, 3, 9));   // W = 32: port 100 is L2 bit 3; bit 9 covers nothing pending
            string si = TempFiles.Write(dir.Path, "si.bin", new SharedInfoPage("x86_32").Vcpu(0, 1, 1).Bytes);
            var (code, stdout, stderr) = Run("inspect", "3l", "--pending", pending, "--mask", mask, "--abi", "x86_32", "--l2", l2, "--shared-info", si, "--format", "json");
            Assert.True(code == 0, stderr);
            using var doc = JsonDocument.Parse(stdout);
            var root = doc.RootElement;
            Assert.Equal(new[] { "view", "abi", "ports", "word_bits", "pending", "masked", "vcpus", "problems" }, Keys(root));
            Assert.Equal(("3l", 32768), (root.GetProperty("view").GetString(), root.GetProperty("ports").GetInt32()));
            Assert.Equal(new uint[] { 100, 2000 }, Ports(root.GetProperty("pending")));
            var v = root.GetProperty("vcpus").EnumerateArray().Single();
            Assert.Equal(new[] { "vcpu", "upcall_pending", "selector", "selector_bits", "l2_bits", "unselected" }, Keys(v));
            Assert.Equal(new uint[] { 3, 9 }, Ports(v.GetProperty("l2_bits")));
            Assert.Empty(Ports(v.GetProperty("unselected")));
            var p = root.GetProperty("problems").EnumerateArray().Single();
            Assert.Equal(("selector-without-pending", 2, 9), (p.GetProperty("kind").GetString(), p.GetProperty("level").GetInt32(), p.GetProperty("bit").GetInt32()));
        }

        [Theory]
        [InlineData("shared-info")]
        [InlineData("fifo-array")]
        [InlineData("fifo-control")]
        [InlineData("3l")]
        public void A_wrong_size_is_one_line_naming_the_file_and_both_sizes_and_exit_2(string which)
        {
            using var dir = new TestSupport.TempDir("evtchn-inspect-");
            string good = TempFiles.Write(dir.Path, "good.bin", new byte[4096]);
            string bad = TempFiles.Write(dir.Path, "bad.bin", new byte[which == "fifo-control" ? 64 : 3000]);
            string[] args = which switch
            {
                "shared-info" => new[] { "inspect", "shared-info", bad, "--abi", "x86_64" },
                "fifo-array" => new[] { "inspect", "fifo", "--array", good + "," + bad, "--control", good },
                "fifo-control" => new[] { "inspect", "fifo", "--array", good, "--control", bad },
                _ => new[] { "inspect", "3l", "--pending", good, "--mask", bad, "--abi", "x86_32" },
            };
            var (code, stdout, stderr) = Run(args);
            Assert.Equal(2, code);
            Assert.Equal("", stdout);
            string line = Assert.Single(stderr.TrimEnd('\n').Split('\n'));
            Assert.StartsWith("evtchn-abi inspect: error EAG3001: " + bad + ": " + (which == "fifo-control" ? "64" : "3000") + " bytes, expected ", line);
            Assert.Contains(which switch { "shared-info" => "3136", "fifo-control" => "at least 72", "3l" => "4096", _ => "multiple of 4096" }, line);
        }

        [Fact]
        public void Control_blocks_past_the_end_of_the_file_are_a_truncated_file()
        {
            using var dir = new TestSupport.TempDir("evtchn-inspect-");
            string array = TempFiles.Write(dir.Path, "a.bin", new byte[4096]);
            string cb = TempFiles.Write(dir.Path, "cb.bin", new byte[4096]);
            var (code, _, stderr) = Run("inspect", "fifo", "--array", array, "--control", cb, "--vcpus", "2", "--stride", "4096");
            Assert.Equal(2, code);
            Assert.Equal("evtchn-abi inspect: error EAG3001: " + cb + ": 4096 bytes, expected at least 4168 (2 × evtchn_fifo_control_block of 72 bytes from offset 0, one every 4096 bytes)\n", stderr);
        }

        [Fact]
        public void Missing_files_and_bad_flags_exit_2_without_a_stack_trace()
        {
            var (code, _, stderr) = Run("inspect", "shared-info", "/nonexistent/shared.bin", "--abi", "x86_64");
            Assert.Equal((2, "evtchn-abi inspect: error EAG3002: /nonexistent/shared.bin: no such file\n"), (code, stderr));
            foreach (var args in new[]
            {
                new[] { "inspect", "shared-info", "x.bin" },                                   // --abi is required
                new[] { "inspect", "shared-info", "x.bin", "--abi", "all" },
                new[] { "inspect", "shared-info", "x.bin", "--abi", "x86_64", "--vcpus", "0" },
                new[] { "inspect", "shared-info", "x.bin", "--abi", "x86_64", "--format", "xml" },
                new[] { "inspect", "fifo", "--control", "x.bin" },                             // --array is required
                new[] { "inspect", "fifo", "--array", "x.bin", "--control", "x.bin", "--offset", "-8" },
                new[] { "inspect" },
            })
            {
                var (c, _, err) = Run(args);
                Assert.True(c == 2, string.Join(" ", args) + ": " + err);
                Assert.DoesNotContain("   at ", err);
            }
            using var dir = new TestSupport.TempDir("evtchn-inspect-");
            string page = TempFiles.Write(dir.Path, "arm.bin", new byte[1088]);
            var (c2, _, err2) = Run("inspect", "shared-info", page, "--abi", "arm64", "--vcpus", "2");
            Assert.Equal((2, "evtchn-abi inspect: --vcpus is 2, but shared_info on arm64 has 1 vcpu_info slot(s) (XEN_LEGACY_MAX_VCPUS)\n"), (c2, err2));
        }
    }
}
