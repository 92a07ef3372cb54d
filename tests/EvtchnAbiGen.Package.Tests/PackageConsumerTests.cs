using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace EvtchnAbiGen.Package.Tests
{
    /// <summary>The built packages as users meet them. Expected sizes come from the fact sheet
    /// (shared/reference/xen-evtchn-abi.md §1.2, §2.3, §2.4), not from the generator.</summary>
    public class PackageConsumerTests : IClassFixture<ConsumerWorkspace>
    {
        private readonly ConsumerWorkspace _ws;

        public PackageConsumerTests(ConsumerWorkspace ws) => _ws = ws;

        private const string SizesProgram = @"
using System;
using System.Runtime.CompilerServices;
Console.WriteLine($""shared_info {Unsafe.SizeOf<Xen.Evtchn.X86_32.shared_info>()} {Unsafe.SizeOf<Xen.Evtchn.X86_64.shared_info>()} {Unsafe.SizeOf<Xen.Evtchn.Arm32.shared_info>()} {Unsafe.SizeOf<Xen.Evtchn.Arm64.shared_info>()}"");
Console.WriteLine($""vcpu_info {Unsafe.SizeOf<Xen.Evtchn.X86_32.vcpu_info>()} {Unsafe.SizeOf<Xen.Evtchn.X86_64.vcpu_info>()} {Unsafe.SizeOf<Xen.Evtchn.Arm32.vcpu_info>()} {Unsafe.SizeOf<Xen.Evtchn.Arm64.vcpu_info>()}"");
Console.WriteLine($""evtchn_fifo_control_block {Unsafe.SizeOf<Xen.Evtchn.X86_64.evtchn_fifo_control_block>()}"");
Console.WriteLine($""evtchn_init_control {Unsafe.SizeOf<Xen.Evtchn.X86_32.evtchn_init_control>()}"");
Console.WriteLine($""ring {Unsafe.SizeOf<My.Abi.X86_32.ring>()} {Unsafe.SizeOf<My.Abi.X86_64.ring>()}"");
";

        // Its own namespace, next to the csproj, picked up with no csproj edit: 'ulong' is 4 bytes on x86_32.
        private const string OwnSpec = "namespace My.Abi;\n\nstruct ring {\n    ulong head;\n    uint32_t tail;\n}\n";

        private const string Mistake = @"
static class Mistakes
{
    public static void Raise(ref Xen.Evtchn.X86_64.shared_info s, int port) { s.evtchn_pending[port / 64] |= 1UL << (port % 64); }
}
";

        private (int Code, string Output) Net10Build()
        {
            if (_ws.Net10Build is { } done) return done;
            string dir = _ws.Project("consumer10", "net10.0", new Dictionary<string, string>
            {
                ["Program.cs"] = SizesProgram, ["Mistakes.cs"] = Mistake, ["mine.abi"] = OwnSpec,
            });
            var build = ConsumerWorkspace.Dotnet(dir, "build", "-nologo", "-v", "q", "-clp:NoSummary");
            _ws.Net10Build = build;
            return build;
        }

        [Fact]
        public void A_net10_consumer_builds_runs_and_its_sizes_match_the_fact_sheet()
        {
            var build = Net10Build();
            Assert.True(build.Code == 0, build.Output);
            var run = ConsumerWorkspace.Dotnet(Path.Combine(_ws.Root, "consumer10"), "run", "--no-build");
            Assert.True(run.Code == 0, run.Output);
            Assert.Contains("shared_info 2344 3136 1088 1088", run.Output);
            Assert.Contains("vcpu_info 64 64 48 48", run.Output);
            Assert.Contains("evtchn_fifo_control_block 72", run.Output);
            Assert.Contains("evtchn_init_control 24", run.Output);
            Assert.Contains("ring 8 16", run.Output); // the project's own spec: 4+4 on x86_32, 8+4+pad on x86_64
        }

        [Fact]
        public void A_plain_or_of_a_shared_bitmap_word_gets_the_analyzer_warning()
        {
            var build = Net10Build();
            Assert.Contains("Mistakes.cs(4,", build.Output);
            Assert.Contains("warning EAG1001", build.Output);
        }

        [Theory]
        [InlineData("net8.0")]
        [InlineData("net9.0")]
        public void Older_frameworks_build_the_generated_code(string framework)
        {
            string name = "consumer" + framework.Replace(".", "");
            string dir = _ws.Project(name, framework, new Dictionary<string, string>
            {
                ["Use.cs"] = "static class Use { public static byte Mask(ref Xen.Evtchn.X86_32.vcpu_info v) => v.evtchn_upcall_mask.Exchange(1); }",
            }, exe: false);
            var build = ConsumerWorkspace.Dotnet(dir, "build", "-nologo", "-v", "q", "-clp:NoSummary");
            Assert.True(build.Code == 0, build.Output);
            Assert.DoesNotContain("error", build.Output);
        }

        /// <summary>CsWin32's NativeMethods.txt, here XenAbi.txt: a consumer names what it needs from the whole public
        /// ABI the package ships, and gets those and what they use, with a located did-you-mean for a typo.</summary>
        [Fact]
        public void A_XenAbi_txt_brings_named_public_records_and_only_them()
        {
            string dir = _ws.Project("consumerpublic", "net10.0", new Dictionary<string, string>
            {
                ["XenAbi.txt"] = "# what a grant-table and netfront consumer needs\ngrant_entry_v1\nnetif_tx_request\nGNTTABOP_*\nnetif_rx_respons\n",
                ["Program.cs"] = @"
using System;
using System.Linq;
using System.Runtime.CompilerServices;
Console.WriteLine($""grant_entry_v1 {Unsafe.SizeOf<Xen.Evtchn.X86_64.grant_entry_v1>()} netif_tx_request {Unsafe.SizeOf<Xen.Evtchn.Arm32.netif_tx_request>()}"");
Console.WriteLine($""map {Xen.Evtchn.X86_64.Constants.GNTTABOP_map_grant_ref}"");
var types = typeof(Xen.Evtchn.X86_64.grant_entry_v1).Assembly.GetTypes().Where(t => t.Namespace == ""Xen.Evtchn.X86_64"" && !t.IsNested && !t.Name.StartsWith(""__"")).Select(t => t.Name).OrderBy(n => n);
Console.WriteLine(""types "" + string.Join("","", types));
",
            });
            var build = ConsumerWorkspace.Dotnet(dir, "build", "-nologo", "-v", "q", "-clp:NoSummary");
            Assert.True(build.Code == 0, build.Output);
            Assert.Contains("XenAbi.txt(5,1): warning EAG0030", build.Output);
            Assert.Contains("did you mean 'netif_rx_response'", build.Output);
            var run = ConsumerWorkspace.Dotnet(dir, "run", "--no-build");
            Assert.True(run.Code == 0, run.Output);
            // grant_table.h: { uint16_t flags; domid_t domid; uint32_t frame; } is 8 bytes; netif.h: gref (4) + offset, flags, id, size (4 × 2) is 12.
            Assert.Contains("grant_entry_v1 8 netif_tx_request 12", run.Output);
            Assert.Contains("map 0", run.Output);   // GNTTABOP_map_grant_ref is 0 in grant_table.h
            Assert.Contains("types AbiManifest,Constants,grant_entry_v1,netif_tx_request", run.Output);

            // Deleting the file is an input change too: the next incremental build generates the default set again, which
            // has no grant_entry_v1, so Program.cs no longer compiles. (The SDK's up-to-date check alone skipped CoreCompile
            // and kept the stale types.)
            File.Delete(Path.Combine(dir, "XenAbi.txt"));
            var again = ConsumerWorkspace.Dotnet(dir, "build", "-nologo", "-v", "q", "-clp:NoSummary");
            Assert.True(again.Code != 0 && again.Output.Contains("grant_entry_v1") && again.Output.Contains("error CS0", System.StringComparison.Ordinal), again.Output);
        }

        [Fact]
        public void Below_net8_one_clear_error_names_the_framework_and_the_minimum()
        {
            string dir = _ws.Project("consumerns20", "netstandard2.0", new Dictionary<string, string> { ["C.cs"] = "class C { }" }, exe: false);
            var build = ConsumerWorkspace.Dotnet(dir, "build", "-nologo", "-v", "q", "-clp:NoSummary");
            Assert.NotEqual(0, build.Code);
            var errors = build.Output.Split('\n').Where(l => l.Contains(" error ")).Select(l => l.Trim()).Distinct().ToList();
            var only = Assert.Single(errors);
            Assert.Contains("error EAG0022", only);
            Assert.Contains("needs .NET 8 or later", only);
            Assert.Contains("netstandard2.0", only);
        }

        [Fact]
        public void The_tool_installs_into_a_tool_path_and_runs_from_an_empty_folder()
        {
            string tools = Path.Combine(_ws.Root, "tools");
            var install = ConsumerWorkspace.Dotnet(_ws.Root, "tool", "install", "EvtchnAbiGen.Tool", "--version", ConsumerWorkspace.Version,
                "--tool-path", tools, "--add-source", _ws.Packages);
            Assert.True(install.Code == 0, install.Output);
            string empty = Path.Combine(_ws.Root, "empty");
            Directory.CreateDirectory(empty);
            string tool = Path.Combine(tools, "evtchn-abi");

            var layout = ConsumerWorkspace.Run(empty, tool, "layout", "--format", "json", "--abi", "x86_64");
            Assert.True(layout.Code == 0, layout.Output);
            using var json = JsonDocument.Parse(layout.Output);
            Assert.Contains("\"shared_info\"", layout.Output);

            var verify = ConsumerWorkspace.Run(empty, tool, "verify");
            Assert.True(verify.Code == 0, verify.Output);
            Assert.Contains("match", verify.Output);

            var noClang = ConsumerWorkspace.Run(empty, tool, "verify", "--libclang", Path.Combine(empty, "nope.so"));
            Assert.Equal(2, noClang.Code);
            Assert.Single(noClang.Output.Trim().Split('\n'));
            Assert.Empty(Directory.GetFileSystemEntries(empty));
        }
    }
}
