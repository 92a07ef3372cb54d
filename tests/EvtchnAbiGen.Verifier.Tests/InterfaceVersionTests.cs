using System.Linq;
using System.Text.Json;
using Xunit;

namespace EvtchnAbiGen.Verifier.Tests
{
    /// <summary>The specs pin __XEN_INTERFACE_VERSION__ 0x00040e00; verify compiles the headers at it. A newer
    /// __XEN_LATEST_INTERFACE_VERSION__ (Xen 4.19+: 0x00041300) is a note, not drift; older headers are one
    /// clear setup error that names both versions.</summary>
    public class InterfaceVersionTests
    {
        private const string Latest = "#define __XEN_LATEST_INTERFACE_VERSION__ 0x00040e00";

        [Fact]
        public void Headers_newer_than_the_pinned_version_are_a_note_not_drift()
        {
            using var copy = Fixture.CopyHeaders();
            Fixture.Mutate(copy.Dir, "xen-compat.h", Latest, "#define __XEN_LATEST_INTERFACE_VERSION__ 0x00041300");
            var report = Fixture.Verify(copy.Dir);
            Assert.True(report.Clean, string.Join("\n", report.AllDrifts.Select(d => d.Message)));
            var note = Assert.Single(report.AllNotes);
            Assert.Contains("0x00041300", note);
            Assert.Contains("0x00040e00", note);
            // The curated specs: the imported public set would rightly call these 4.17 headers' missing 4.20 records
            // drift once the headers claim 4.20's version.
            var curated = System.IO.Directory.GetFiles(System.IO.Path.Combine(Fixture.RepoRoot, "AbiSpecs"), "*.abi");
            var (code, stdout, _) = Fixture.Cli(new[] { "verify", "--headers", copy.Dir, "--format", "json" }.Concat(curated).ToArray());
            Assert.Equal(0, code);
            using var json = JsonDocument.Parse(stdout);
            Assert.Contains("0x00041300", json.RootElement.GetProperty("notes")[0].GetString());
        }

        [Fact]
        public void Headers_older_than_the_pinned_version_are_one_clear_error_naming_both()
        {
            using var copy = Fixture.CopyHeaders();
            Fixture.Mutate(copy.Dir, "xen-compat.h", Latest, "#define __XEN_LATEST_INTERFACE_VERSION__ 0x00040400");
            Fixture.LoadClang();
            var ex = Assert.Throws<VerifierSetupException>(() => Fixture.Verify(copy.Dir));
            Assert.Contains("0x00040400", ex.Message);
            Assert.Contains("0x00040e00", ex.Message);
            var (code, stdout, stderr) = Fixture.Cli("verify", "--headers", copy.Dir);
            Assert.Equal(2, code);
            Assert.Equal("", stdout);
            Assert.Single(stderr.Trim().Split('\n'));
            Assert.DoesNotContain("error:", stderr); // no wall of clang errors
        }
    }
}
