using System;
using System.IO;
using System.Linq;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Layout;
using EvtchnAbiGen.Core.Spec;
using EvtchnAbiGen.Verifier.Import;
using Xunit;

namespace EvtchnAbiGen.Verifier.Tests
{
    /// <summary>A test that needs one Debian release's Xen headers (scripts/xen-headers puts them in .build/xen);
    /// skipped, not passed, when they are not there.</summary>
    public sealed class XenReleaseFactAttribute : FactAttribute
    {
        public XenReleaseFactAttribute(params string[] releases)
        {
            foreach (var release in releases)
                if (!Directory.Exists(ImportTests.Headers(release))) Skip = $"no Xen headers of Debian {release} in .build/xen (run scripts/xen-headers)";
        }
    }

    /// <summary>`evtchn-abi import`: what it writes lays out without errors and verifies against the headers it came
    /// from with zero drift on all four ABIs; it is deterministic; it leaves out (and says so) what it cannot express.</summary>
    public class ImportTests
    {
        /// <summary>The public headers the backend and frontend drivers need, beyond event channels.</summary>
        private static readonly string[] Set =
        {
            "event_channel.h", "grant_table.h", "io/ring.h", "io/blkif.h", "io/netif.h", "io/console.h", "io/xs_wire.h",
            "vcpu.h", "sched.h", "memory.h", "physdev.h",
        };

        public static string Headers(string release) => release == "system"
            ? Fixture.SystemHeaders
            : Path.Combine(Fixture.RepoRoot, ".build", "xen", release, "usr", "include", "xen");

        private static (string Spec, ImportResult Result) Import(string dir, params string[] headers)
        {
            Fixture.LoadClang();
            var r = HeaderImporter.Import(new ImportOptions(dir, headers, Array.Empty<string>()));
            return (r.Spec, r);
        }

        /// <summary>At the headers' latest interface, Xen 4.20's rings are C99 flexible arrays (0x00041300 and later).</summary>
        private static void RoundTrip(string release) => RoundTrip(Headers(release), Set, 80, flexibleRings: release == "trixie");

        private static void RoundTrip(string dir, string[] headers, int atLeast, bool flexibleRings = false)
        {
            var (spec, result) = Import(dir, headers);
            // blkif.h's and netif.h's DEFINE_RING_TYPES come back as 'ring' declarations.
            Assert.True(result.Rings >= 4, $"{result.Rings} rings folded");
            Assert.Contains($"ring netif_tx(netif_tx_request, netif_tx_response){(flexibleRings ? " flexible" : "")};\n", spec);
            Assert.DoesNotContain("struct blkif_sring {", spec);
            var file = Parser.Parse("imported.abi", spec);
            Assert.False(file.HasErrors, string.Join("\n", file.Diagnostics));
            var layout = LayoutEngine.Run(new[] { file });
            Assert.False(layout.HasErrors, string.Join("\n", layout.Diagnostics.Where(d => d.Severity == SpecSeverity.Error)));
            Assert.True(result.Records > atLeast, $"{result.Records} records");   // the driver set: 91 to 94 across 4.14..4.20
            var report = LayoutVerifier.Run(layout, HeaderSet.ForXenDirectory(dir, Array.Empty<(string, string)>()));
            var drifts = report.Abis.SelectMany(a => a.Drifts).ToList();
            Assert.True(drifts.Count == 0, string.Join("\n", drifts.Take(20)));
            Assert.Equal(4, report.Abis.Count);
            // Every ABI got its records and constants (a record or constant of one architecture only is in a 'when').
            Assert.All(report.Abis, a => Assert.True(a.Structs.Count > result.Records * 9 / 10, $"{a.Target.Name}: {a.Structs.Count} of {result.Records} records"));
            Assert.All(report.Abis, a => Assert.True(a.ConstantCount > result.Constants * 9 / 10, $"{a.Target.Name}: {a.ConstantCount} of {result.Constants} constants"));
            Assert.DoesNotContain(result.Problems, p => p.Message.Contains("macro constants"));
        }

        [XenReleaseFact("bullseye")]
        public void Headers_of_Xen_4_14_import_and_verify_with_zero_drift() => RoundTrip("bullseye");

        [XenReleaseFact("bookworm")]
        public void Headers_of_Xen_4_17_import_and_verify_with_zero_drift() => RoundTrip("bookworm");

        [XenReleaseFact("trixie")]
        public void Headers_of_Xen_4_20_import_and_verify_with_zero_drift() => RoundTrip("trixie");

        [Fact]
        public void Every_public_header_imports_and_verifies_with_zero_drift()
        {
            Fixture.LoadClang();
            var all = HeaderImporter.AllHeaders(Fixture.SystemHeaders, Array.Empty<string>()).ToArray();
            Assert.Contains("io/netif.h", all);
            Assert.DoesNotContain("domctl.h", all);   // toolstack-only: needs __XEN_TOOLS__
            RoundTrip(Fixture.SystemHeaders, all, 300);
        }

        /// <summary>Records shaped as DEFINE_RING_TYPES makes them fold into a 'ring' even when written by hand; records
        /// with a ring's names but another layout (a shorter pad) stay written out. Both verify with zero drift.</summary>
        [Fact]
        public void Only_records_that_lay_out_as_the_macros_fold_into_a_ring()
        {
            Fixture.LoadClang();
            string dir = Path.Combine(Path.GetTempPath(), $"eag-rings-{Environment.ProcessId}");
            Directory.CreateDirectory(dir);
            try
            {
                // Xen's headers beside a header of our own, so verify finds xen.h and event_channel.h.
                foreach (var entry in Directory.EnumerateFileSystemEntries(Fixture.SystemHeaders))
                    File.CreateSymbolicLink(Path.Combine(dir, Path.GetFileName(entry)), entry);
                File.WriteAllText(Path.Combine(dir, "rings.h"), RingsHeader("good", 44) + RingsHeader("bad", 40));
                var (spec, result) = Import(dir, "rings.h");
                Assert.Equal(1, result.Rings);
                Assert.Contains("ring good(good_req, good_rsp);\n", spec);
                Assert.DoesNotContain("struct good_sring {", spec);
                Assert.Contains("struct bad_sring {", spec);
                Assert.Contains("uint8_t __pad[40];", spec);
                var layout = LayoutEngine.Run(new[] { Parser.Parse("rings.abi", spec) });
                Assert.False(layout.HasErrors, string.Join("\n", layout.Diagnostics));
                var report = LayoutVerifier.Run(layout, HeaderSet.ForXenDirectory(dir, Array.Empty<(string, string)>()));
                Assert.Equal(4, report.Abis.Count);
                var drifts = report.Abis.SelectMany(a => a.Drifts).ToList();
                Assert.True(drifts.Count == 0, string.Join("\n", drifts.Take(20)));
                Assert.All(report.Abis, a => Assert.Contains("good_sring", a.Structs));
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        /// <summary>The records DEFINE_RING_TYPES(NAME, struct good_req, struct good_rsp) makes, written out by hand, with
        /// a pad of <paramref name="pad"/> bytes (the macro's is 44).</summary>
        private static string RingsHeader(string name, int pad) => $$"""
            #include <stdint.h>
            #ifndef GOOD_TYPES
            #define GOOD_TYPES
            struct good_req { uint64_t id; };
            struct good_rsp { int16_t status; };
            #endif
            union {{name}}_sring_entry { struct good_req req; struct good_rsp rsp; };
            struct {{name}}_sring {
                uint32_t req_prod, req_event, rsp_prod, rsp_event;
                union { struct { uint8_t smartpoll_active; } netif; struct { uint8_t msg; } tapif_user; uint8_t pvt_pad[4]; } pvt;
                uint8_t __pad[{{pad}}];
                union {{name}}_sring_entry ring[1];
            };
            struct {{name}}_front_ring { uint32_t req_prod_pvt; uint32_t rsp_cons; unsigned int nr_ents; struct {{name}}_sring *sring; };
            struct {{name}}_back_ring { uint32_t rsp_prod_pvt; uint32_t req_cons; unsigned int nr_ents; struct {{name}}_sring *sring; };
            typedef struct {{name}}_sring {{name}}_sring_t;
            typedef struct {{name}}_front_ring {{name}}_front_ring_t;
            typedef struct {{name}}_back_ring {{name}}_back_ring_t;

            """;

        /// <summary>Judged by clang's preprocessor, not by the importer's own walk: every named struct or union defined
        /// (after #if) in the named headers, macro-made rings included, is in the spec or reported as left out. A header
        /// first reached as "hvm/../event_channel.h" once lost all 44 of its records without a word.</summary>
        [Fact]
        public void Every_record_the_preprocessor_sees_in_the_named_headers_is_imported_or_reported()
        {
            Fixture.LoadClang();
            string dir = Fixture.SystemHeaders;
            var all = HeaderImporter.AllHeaders(dir, Array.Empty<string>()).ToArray();
            var result = HeaderImporter.Import(new ImportOptions(dir, all, Array.Empty<string>()));
            var expected = PreprocessorRecords(dir, all, "x86_64-linux-gnu");
            Assert.True(expected.Count > 300, $"the preprocessor found only {expected.Count} records");
            // What the spec declares, as the spec language reads it (a 'ring' declares the records its macro makes).
            var written = Parser.Parse("all.abi", result.Spec).DeclaredNames().ToHashSet();
            Assert.True(result.Rings > 0, "no DEFINE_RING_TYPES expansion was folded into a 'ring'");
            var missing = expected.Where(n => !written.Contains(n) && !result.Problems.Any(p => p.Message.Contains(n + " "))).ToList();
            Assert.True(missing.Count == 0, $"{missing.Count} record(s) neither imported nor reported: {string.Join(", ", missing.Take(20))}");
        }

        /// <summary>Record names defined in the named headers, from `clang-14 -E` and its line markers.</summary>
        private static System.Collections.Generic.HashSet<string> PreprocessorRecords(string dir, string[] headers, string triple)
        {
            string src = Path.Combine(Path.GetTempPath(), $"eag-pp-{Environment.ProcessId}.c");
            File.WriteAllText(src, "#include <stdint.h>\n" + string.Concat(headers.Select(h => $"#include \"{Path.Combine(dir, h)}\"\n")));
            var psi = new System.Diagnostics.ProcessStartInfo("clang-14", $"-E -ffreestanding -target {triple} -D__XEN_INTERFACE_VERSION__=__XEN_LATEST_INTERFACE_VERSION__ {src}")
                { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = System.Diagnostics.Process.Start(psi)!;
            string output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            File.Delete(src);
            Assert.True(p.ExitCode == 0, p.StandardError.ReadToEnd());
            var named = headers.Select(h => Path.GetFullPath(Path.Combine(dir, h))).ToHashSet();
            var names = new System.Collections.Generic.HashSet<string>();
            string file = "";
            foreach (var line in output.Split('\n'))
            {
                var marker = System.Text.RegularExpressions.Regex.Match(line, @"^# \d+ ""([^""]+)""");
                if (marker.Success) { file = Path.GetFullPath(marker.Groups[1].Value); continue; }
                if (!named.Contains(file)) continue;
                foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(line, @"\b(?:struct|union)\s+(\w+)\s*\{"))
                    names.Add(m.Groups[1].Value);
            }
            return names;
        }

        /// <summary>AbiSpecs/xen-public is exactly what scripts/import-public writes from Xen 4.20's headers: nobody edits
        /// it by hand, and an importer change that would alter it shows up here.</summary>
        [XenReleaseFact("trixie")]
        public void The_committed_public_set_is_what_the_importer_writes_from_xen_4_20()
        {
            Fixture.LoadClang();
            string dir = Headers("trixie");
            var curatedFiles = Directory.GetFiles(Path.Combine(Fixture.RepoRoot, "AbiSpecs"), "*.abi");
            var curated = curatedFiles.Select(f => Parser.Parse(f, File.ReadAllText(f))).ToList();
            var result = HeaderImporter.Import(new ImportOptions(dir, HeaderImporter.AllHeaders(dir, Array.Empty<string>()), Array.Empty<string>(), "Xen.Evtchn", "0x00040e00")
                { Curated = curated, OnDemand = true, Split = true });
            string committed = Path.Combine(Fixture.RepoRoot, "AbiSpecs", "xen-public");
            var onDisk = Directory.GetFiles(committed, "*.abi", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(committed, f).Replace('\\', '/')).OrderBy(f => f, StringComparer.Ordinal);
            Assert.Equal(result.Files.Select(f => f.Path).OrderBy(f => f, StringComparer.Ordinal), onDisk);
            foreach (var f in result.Files)
                Assert.True(f.Text == File.ReadAllText(Path.Combine(committed, f.Path)), $"{f.Path} differs from what the importer writes; run scripts/import-public");
            Assert.True(result.Records > 350, $"{result.Records} records");
        }

        [XenReleaseFact("trixie", "bullseye")]
        public void A_set_imported_from_4_20_at_interface_0x40e00_pins_that_version_for_verify()
        {
            Fixture.LoadClang();
            var r = HeaderImporter.Import(new ImportOptions(Headers("trixie"), new[] { "event_channel.h" }, Array.Empty<string>(), "Xen.Public", "0x00040e00"));
            Assert.Contains("const __XEN_INTERFACE_VERSION__ = 265728;", r.Spec);   // 0x00040e00, which 4.14 and 4.17 accept too
            var layout = LayoutEngine.Run(new[] { Parser.Parse("ev.abi", r.Spec) });
            var report = LayoutVerifier.Run(layout, HeaderSet.ForXenDirectory(Headers("bullseye"), Array.Empty<(string, string)>()));
            Assert.True(report.Clean, string.Join("\n", report.AllDrifts.Take(10)));
        }

        [Fact]
        public void Importing_unchanged_headers_again_gives_the_same_bytes()
        {
            var (first, _) = Import(Fixture.SystemHeaders, "grant_table.h", "io/netif.h");
            var (second, _) = Import(Fixture.SystemHeaders, "grant_table.h", "io/netif.h");
            Assert.Equal(first, second);
        }

        [Fact]
        public void Per_abi_types_become_when_blocks_and_common_ones_are_written_once()
        {
            var (spec, _) = Import(Fixture.SystemHeaders, "event_channel.h");
            // EVTCHN_2L_NR_CHANNELS is 1024 only on x86_32 (xen_ulong_t is 32 bits there alone).
            Assert.Contains("when x86_32 {\n    const EVTCHN_2L_NR_CHANNELS = 1024;\n}", spec);
            Assert.Contains("when x86_64 | arm32 | arm64 {\n    const EVTCHN_2L_NR_CHANNELS = 4096;\n}", spec);
            Assert.Contains("const EVTCHN_FIFO_NR_CHANNELS = 131072;", spec);
            Assert.Contains("struct evtchn_fifo_control_block {", spec);
            Assert.Contains("header \"event_channel.h\";", spec);
        }

        [Fact]
        public void Flexible_arrays_are_imported_as_the_last_member_and_verify_on_every_abi()
        {
            var (spec, result) = Import(Fixture.SystemHeaders, "version.h", "xencomm.h");
            Assert.DoesNotContain(result.Problems, p => p.Message.Contains("flexible"));
            Assert.Contains("uint8_t buf[];", spec);          // version.h: xen_build_id's 'unsigned char buf[XEN_FLEX_ARRAY_DIM]' (empty in C99)
            Assert.Contains("uint64_t address[0];", spec);    // xencomm.h: GNU's zero-length form, kept
            var layout = LayoutEngine.Run(new[] { Parser.Parse("flex.abi", spec) });
            Assert.False(layout.HasErrors, string.Join("\n", layout.Diagnostics));
            var report = LayoutVerifier.Run(layout, HeaderSet.ForXenDirectory(Fixture.SystemHeaders, Array.Empty<(string, string)>()));
            Assert.True(report.Clean, string.Join("\n", report.AllDrifts.Take(10)));
            Assert.All(report.Abis, a => Assert.Contains("xen_build_id", a.Structs));
        }

        [Fact]
        public void Function_pointers_are_imported_as_fnptr_and_verify_pointer_sized_on_every_abi()
        {
            using var copy = Fixture.CopyHeaders();
            File.WriteAllText(Path.Combine(copy.Dir, "callbacks.h"), "#include \"xen.h\"\ntypedef void (*handler_t)(int);\n" +
                "struct cb_table {\n    uint8_t tag;\n    void (*on_event)(uint32_t port);\n    handler_t handlers[3];\n    void *data;\n};\n");
            var (spec, result) = Import(copy.Dir, "callbacks.h");
            Assert.DoesNotContain(result.Problems, p => p.Message.Contains("cb_table"));
            Assert.Contains("fnptr on_event;", spec);
            Assert.Contains("typedef handler_t = fnptr;", spec);   // the C typedef, kept
            Assert.Contains("handler_t handlers[3];", spec);
            Assert.Contains("ptr data;", spec);
            var layout = LayoutEngine.Run(new[] { Parser.Parse("cb.abi", spec) });
            Assert.False(layout.HasErrors, string.Join("\n", layout.Diagnostics));
            var report = LayoutVerifier.Run(layout, HeaderSet.ForXenDirectory(copy.Dir, Array.Empty<(string, string)>()));
            Assert.True(report.Clean, string.Join("\n", report.AllDrifts.Take(10)));
            // Pointer-sized (clang agreed above): 1 + 3 pad + 4 + 3 × 4 + 4 on x86_32, 1 + 7 pad + 8 + 3 × 8 + 8 on x86_64.
            Assert.Equal(24, layout.Find("x86_32")!.FindRecord("cb_table")!.Size);
            Assert.Equal(48, layout.Find("x86_64")!.FindRecord("cb_table")!.Size);
        }

        [Fact]
        public void Enums_are_imported_as_spec_enums_and_verify_on_every_abi()
        {
            using var copy = Fixture.CopyHeaders();
            File.WriteAllText(Path.Combine(copy.Dir, "enums.h"), "#include \"xen.h\"\n" +
                "/* Link states. */\nenum link_state { LINK_DOWN, LINK_UP = 5, LINK_GONE };\n" +
                "typedef enum { MODE_A = -1, MODE_B } mode_t_;\n" +
                "enum { LOOSE_ONE = 1, LOOSE_TWO };\n" +
                "typedef enum link_state link_state_t;\n" +
                "enum wide_flags { WIDE_HIGH = 1ULL << 40 };\n" +
                "struct uses_enums {\n    uint8_t tag;\n    enum link_state state;\n    mode_t_ modes[2];\n    link_state_t again;\n    uint8_t b;\n    enum wide_flags wide;\n};\n");
            var (spec, result) = Import(copy.Dir, "enums.h");
            Assert.Empty(result.Problems);
            Assert.Equal(3, result.Enums);
            Assert.Contains("/// Link states.\nenum link_state {\n    LINK_DOWN = 0;\n    LINK_UP = 5;\n    LINK_GONE = 6;\n}", spec);
            Assert.Contains("enum mode_t_ {\n    MODE_A = -1;\n    MODE_B = 0;\n}", spec);   // named by its typedef
            Assert.Contains("const LOOSE_TWO = 2;", spec);                                   // an enum no type names: constants
            Assert.Contains("typedef link_state_t = link_state;", spec);
            Assert.Contains("link_state state;", spec);
            Assert.Contains("mode_t_ modes[2];", spec);
            var layout = LayoutEngine.Run(new[] { Parser.Parse("enums.abi", spec) });
            Assert.False(layout.HasErrors, string.Join("\n", layout.Diagnostics));
            var report = LayoutVerifier.Run(layout, HeaderSet.ForXenDirectory(copy.Dir, Array.Empty<(string, string)>()));
            Assert.True(report.Clean, string.Join("\n", report.AllDrifts.Take(10)));
            // The 8-byte enum is 4-aligned in structs on x86_32 only (clang agreed above).
            Assert.Equal((32, 4), (layout.Find("x86_32")!.FindRecord("uses_enums")!.Size, layout.Find("x86_32")!.FindRecord("uses_enums")!.Align));
            Assert.Equal((32, 8), (layout.Find("x86_64")!.FindRecord("uses_enums")!.Size, layout.Find("x86_64")!.FindRecord("uses_enums")!.Align));
            Assert.Contains(layout.Abis, a => a.Enums.Any(e => e.Name == "wide_flags" && e.Size == 8));
        }

        [Fact]
        public void A_flexible_array_that_is_not_the_last_member_is_a_located_warning_and_its_record_is_left_out()
        {
            using var copy = Fixture.CopyHeaders();
            File.WriteAllText(Path.Combine(copy.Dir, "flexmid.h"), "#include \"xen.h\"\nstruct flex_mid {\n    uint32_t n;\n    uint8_t mid[0];\n    uint32_t after;\n};\n");
            var (spec, result) = Import(copy.Dir, "flexmid.h");
            var p = Assert.Single(result.Problems, x => x.Message.Contains("flex_mid"));
            Assert.Equal("EAG3101", p.Id);
            Assert.EndsWith("flexmid.h", p.File);
            Assert.Equal(2, p.Line);
            Assert.Contains("'mid' of a flexible or zero-length array that is not the record's last member", p.Message);
            Assert.DoesNotContain("struct flex_mid", spec);
        }

        [Fact]
        public void Bitfields_are_imported_and_verify_on_every_abi()
        {
            var (spec, result) = Import(Fixture.SystemHeaders, "hvm/ioreq.h");
            Assert.Empty(result.Problems);
            Assert.Contains("    uint8_t state : 4;\n", spec);
            Assert.Contains("    uint32_t addr : 20;\n", spec);   // buf_ioreq: a 20-bit field in a uint32_t unit shared with uint8_t ones
            var layout = LayoutEngine.Run(new[] { Parser.Parse("ioreq.abi", spec) });
            Assert.False(layout.HasErrors, string.Join("\n", layout.Diagnostics.Where(d => d.Severity == SpecSeverity.Error)));
            var report = LayoutVerifier.Run(layout, HeaderSet.ForXenDirectory(Fixture.SystemHeaders, Array.Empty<(string, string)>()));
            Assert.True(report.Clean, string.Join("\n", report.AllDrifts.Take(10)));
            Assert.All(report.Abis, a => Assert.Contains("buf_ioreq", a.Structs));
        }

        [Fact]
        public void The_cli_writes_the_spec_and_refuses_a_missing_header_in_one_line()
        {
            using var dir = new TestSupport.TempDir("import");
            string outFile = Path.Combine(dir.Path, "netif.abi");
            var ok = Fixture.Cli("import", "io/netif.h", "-o", outFile);
            Assert.Equal(0, ok.code);
            Assert.StartsWith("// Imported by 'evtchn-abi import'", File.ReadAllText(outFile));
            var verify = Fixture.Cli("verify", outFile);
            Assert.True(verify.code == 0, verify.stdout + verify.stderr);
            var missing = Fixture.Cli("import", "no_such.h");
            Assert.Equal(2, missing.code);
            Assert.Equal("evtchn-abi import: no_such.h: no such header under /usr/include/xen", missing.stderr.Trim());
        }

        [Theory]
        [InlineData("--interface-version", "banana", "--interface-version 'banana' is not a number; give one such as 0x00040e00 (Xen 4.14)")]
        [InlineData("--interface-version", "-1", "--interface-version '-1' is not a number; give one such as 0x00040e00 (Xen 4.14)")]
        [InlineData("--interface-version", "0x7fff0000", "--interface-version 0x7fff0000 is newer than these headers support (their __XEN_LATEST_INTERFACE_VERSION__ is 0x")]
        [InlineData("--define", "DD_N=(1 << 2)", "--define 'DD_N=(1 << 2)': the spec records defines as 'define \"NAME=VALUE\";', without spaces or quotes")]
        [InlineData("--define", "", "--define '': NAME[=VALUE] must start with a C identifier")]
        [InlineData("--define", "X=\"a\"", "without spaces or quotes")]
        public void Options_that_would_compile_as_something_else_are_refused_in_one_line(string option, string value, string message)
        {
            var r = Fixture.Cli("import", "grant_table.h", option, value);
            Assert.Equal(2, r.code);
            Assert.StartsWith("evtchn-abi import: ", r.stderr);
            Assert.Contains(message, r.stderr);
            Assert.Single(r.stderr.Trim().Split('\n'));
        }

        [Fact]
        public void An_absolute_header_path_is_written_relative_to_the_folder_or_refused_outside_it()
        {
            using var dir = new TestSupport.TempDir("import");
            string outFile = Path.Combine(dir.Path, "g.abi");
            var ok = Fixture.Cli("import", Path.Combine(Fixture.SystemHeaders, "grant_table.h"), "-o", outFile);
            Assert.True(ok.code == 0, ok.stderr);
            Assert.Contains("header \"grant_table.h\";", File.ReadAllText(outFile));
            var outside = Fixture.Cli("import", outFile);
            Assert.Equal(2, outside.code);
            Assert.Contains("not under /usr/include/xen; name headers relative to --headers", outside.stderr);
        }
    }
}
