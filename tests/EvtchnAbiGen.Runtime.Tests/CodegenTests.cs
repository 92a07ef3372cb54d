using System;
using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;
using Xunit;

namespace EvtchnAbiGen.Runtime.Tests
{
    /// <summary>What the JIT makes of the generated operations (x64 only): where the old value is not needed,
    /// one 'lock or' / 'lock and' and no compare-exchange loop; where it is, a compare-exchange.</summary>
    public class CodegenTests
    {
        private static string Disasm(string probe)
        {
            string dll = TestSupport.TestPaths.BuiltDll(Path.Combine("tests", "EvtchnAbiGen.JitProbe"), "EvtchnAbiGen.JitProbe");
            Assert.True(File.Exists(dll), dll + " was not built");
            using var temp = new TestSupport.TempDir("evtchn-jitprobe-");
            string outFile = Path.Combine(temp.Path, probe + ".txt");
            var psi = new ProcessStartInfo("dotnet", dll) { RedirectStandardOutput = true, UseShellExecute = false };
            psi.Environment["DOTNET_JitDisasm"] = probe;
            psi.Environment["DOTNET_JitStdOutFile"] = outFile;
            using (var p = Process.Start(psi)!)
            {
                Assert.StartsWith("ok", p.StandardOutput.ReadToEnd());
                p.WaitForExit();
                Assert.Equal(0, p.ExitCode);
            }
            string text = File.ReadAllText(outFile);
            Assert.Contains("Assembly listing for method", text);
            return text;
        }

        private static int Count(string text, string pattern) => Regex.Matches(text, pattern).Count;

        [X64Theory] // arm64 uses LSE atomics; not checked here
        [InlineData("Probe_SetBit", @"lock\s+or\b")]
        [InlineData("Probe_ClearBit", @"lock\s+and\b")]
        [InlineData("Probe_ClearWordBits", @"lock\s+and\b")]
        [InlineData("Probe_SetPending", @"lock\s+or\b")]
        public void Result_discarded_ops_are_one_locked_instruction(string probe, string locked)
        {
            string asm = Disasm(probe);
            Assert.Equal(1, Count(asm, locked));
            Assert.Equal(0, Count(asm, "cmpxchg"));
        }

        [X64Fact]
        public void Test_and_set_needs_the_old_value_so_it_is_a_compare_exchange_and_exchange_is_xchg()
        {
            Assert.Equal(1, Count(Disasm("Probe_TestAndSetBit"), @"lock\s+cmpxchg"));
            Assert.True(Count(Disasm("Probe_ExchangeSelector"), @"xchg") >= 1);
        }
    }
}
