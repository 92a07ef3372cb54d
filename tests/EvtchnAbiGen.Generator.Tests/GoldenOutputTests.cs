using System;
using System.IO;
using System.Linq;
using Xunit;

namespace EvtchnAbiGen.Generator.Tests
{
    /// <summary>Snapshot of the emitter's text for a small spec that uses every construct, so any change
    /// to generated code shows up in review. Set EVTCHNABIGEN_UPDATE_GOLDEN=1 to accept a new snapshot.</summary>
    public class GoldenOutputTests
    {
        private const string Spec = @"namespace Golden;
const N = 2 * sizeof(uint32_t);
/// A word with a guarded bit and a range.
word w_t : uint32_t shared { HI = 31; G = 30 guarded(B); B = 29; R = 0 .. 3; }
struct inner { uint16_t a; }
/// Everything at once.
struct all {
    uint8_t flag shared;
    ulong words[N] bitmap;
    union { uint8_t x; uint32_t y; };
    struct { inner i; uint64_t z; } nested;
    when arm { uint8_t pad reserved; } else { uint8_t mask in; }
    handle<uint8_t> h;
    uint32_t q[2] shared;
}
/// Bitfields: a run over two pieces, a zero-width break, a signed field.
struct flags {
    uint8_t kind;
    uint8_t lo : 3;
    uint32_t hi : 20;
    uint32_t : 0;
    int16_t delta : 5 reserved;
}
";

        [Theory]
        [InlineData("Golden.X86_64.g.cs")]
        [InlineData("Golden.Shared.g.cs")]
        public void Emitted_source_matches_the_snapshot(string hintName)
        {
            var compilation = GeneratorHarness.Compilation("class A { }");
            var driver = GeneratorHarness.Driver(new[] { new InMemoryAdditionalText("/golden/all.abi", Spec) })
                .RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
            var run = driver.GetRunResult().Results.Single();
            Assert.Null(run.Exception);
            var errors = output.GetDiagnostics().Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
            string actual = run.GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString().Replace("\r\n", "\n");
            string path = Path.Combine(GeneratorHarness.RepoRoot, "tests", "EvtchnAbiGen.Generator.Tests", "Golden", hintName + ".txt");
            if (Environment.GetEnvironmentVariable("EVTCHNABIGEN_UPDATE_GOLDEN") == "1") File.WriteAllText(path, actual);
            Assert.True(File.Exists(path), $"no snapshot at {path}; run with EVTCHNABIGEN_UPDATE_GOLDEN=1 and review it");
            string expected = File.ReadAllText(path).Replace("\r\n", "\n");
            if (expected != actual)
            {
                var e = expected.Split('\n');
                var a = actual.Split('\n');
                int line = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
                Assert.Fail($"generated source differs from {path} at line {line + 1}:\n  expected: {(line < e.Length ? e[line] : "<end>")}\n  actual:   {(line < a.Length ? a[line] : "<end>")}");
            }
        }
    }
}
