using System.IO;
using System.Linq;
using EvtchnAbiGen.Clang;
using Xunit;

namespace EvtchnAbiGen.Verifier.Tests
{
    /// <summary>The path a libclang without builtin headers takes (NuGet's libclang.runtime.*): the verifier's
    /// own stdint.h/stddef.h must give the same, clang-checked layouts on every ABI.</summary>
    [Collection("libclang")]
    public class BuiltinHeadersTests
    {
        [Fact]
        public void The_verifiers_own_builtin_headers_give_the_same_layouts_on_every_abi()
        {
            Fixture.LoadClang();
            Assert.True(BuiltinHeaders.Available(), "Debian's libclang has its builtin headers, so the probe must say so");
            try
            {
                BuiltinHeaders.Override = false;
                var report = Fixture.Verify(Fixture.SystemHeaders);
                Assert.True(report.Clean, string.Join("\n", report.AllDrifts.Select(d => d.Message)));
                Assert.Equal(4, report.Abis.Count);
            }
            finally
            {
                BuiltinHeaders.Override = null;
            }
        }

        [Fact]
        public void The_nuget_libclang_package_is_found_in_a_packages_folder_newest_first()
        {
            using var temp = new TestSupport.TempDir("evtchn-nuget-");
            string rid = System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "linux-arm64" : "linux-x64";
            foreach (var v in new[] { "18.1.3", "22.1.8", "9.0.0" })
            {
                string native = Path.Combine(temp.Path, "libclang.runtime." + rid, v, "runtimes", rid, "native");
                Directory.CreateDirectory(native);
                File.WriteAllText(Path.Combine(native, "libclang.so"), "");
            }
            var found = LibClang.NuGetCandidates(temp.Path).Select(p => p.Split(Path.DirectorySeparatorChar).Reverse().Skip(4).First()).ToList();
            Assert.Equal(new[] { "22.1.8", "18.1.3", "9.0.0" }, found);
            Assert.Empty(LibClang.NuGetCandidates(Path.Combine(temp.Path, "none")));
        }
    }
}
