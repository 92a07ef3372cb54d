using System;
using System.Linq;
using System.Text;
using EvtchnAbiGen.Core.Diagnostics;
using Xunit;

namespace EvtchnAbiGen.Core.Tests
{
    /// <summary>Every kind of bad input gets a stable ID at an exact 1-based line:column, never an exception.</summary>
    public class BadSpecTests
    {
        private const string Ns = "namespace T;\n";

        [Theory]
        // id, expected "line:col" (1-based), spec
        [InlineData("EAG0001", "1:1", "")]
        [InlineData("EAG0001", "1:1", "// only a comment\n/* and a block */\n")]
        [InlineData("EAG0003", "2:26", Ns + "struct s { uint32_t a; } }")]
        [InlineData("EAG0003", "3:1", Ns + "const A = 1\nconst B = 2;")]
        [InlineData("EAG0003", "2:8", Ns + "header io/netif.h;")]
        [InlineData("EAG0003", "2:8", Ns + "define \"FOO = 1\";")]
        [InlineData("EAG0003", "2:8", Ns + "header \"io/netif.h;")]
        [InlineData("EAG0003", "2:1", Ns + "/* never closed\nstruct s { uint8_t a; }")]
        [InlineData("EAG0003", "2:22", Ns + "struct s { uint8_t a $; }")]
        [InlineData("EAG0003", "2:11", Ns + "const A = 99999999999999999999;")]
        [InlineData("EAG0004", "2:12", Ns + "struct s { uint33_t a; }")]
        [InlineData("EAG0005", "2:43", Ns + "struct s { uint8_t a; uint16_t b; uint8_t a; }")]
        [InlineData("EAG0005", "2:50", Ns + "struct s { uint8_t a; union { uint8_t b; uint8_t a; }; }")]
        [InlineData("EAG0006", "3:8", Ns + "struct s { uint8_t a; }\nstruct s { uint8_t b; }")]
        [InlineData("EAG0006", "2:9", Ns + "typedef uint8_t = uint16_t;")]
        [InlineData("EAG0007", "2:11", Ns + "const A = B + 1;")]
        [InlineData("EAG0008", "2:7", Ns + "const A = B + 1;\nconst B = A * 2;")]
        [InlineData("EAG0009", "2:11", Ns + "const A = 1 / 0;")]
        [InlineData("EAG0009", "2:11", Ns + "const A = 1 << 64;")]
        [InlineData("EAG0009", "2:11", Ns + "const A = 0x7fffffffffffffff + 1;")]
        [InlineData("EAG0010", "2:22", Ns + "struct s { uint8_t a[0 - 4]; }")]
        [InlineData("EAG0011", "2:23", Ns + "struct s { uint64_t a[1 << 40]; }")]
        [InlineData("EAG0011", "2:23", Ns + "struct s { uint64_t a[1 << 62]; }")]
        [InlineData("EAG0011", "2:40", Ns + "struct s { uint8_t a[1048576]; uint8_t b; }")]
        [InlineData("EAG0012", "2:29", Ns + "word w : uint32_t { A = 31; B = 32; }")]
        [InlineData("EAG0012", "2:33", Ns + "word w : uint32_t { A = 0 .. 4; B = 3; }")]
        [InlineData("EAG0012", "2:10", Ns + "word w : s { A = 1; }\nstruct s { uint8_t a; }")]
        [InlineData("EAG0012", "2:21", Ns + "word w : uint32_t { A = 1 guarded(Z); B = 2 .. 3; }")]
        [InlineData("EAG0013", "2:6", Ns + "when riscv64 { const A = 1; }")]
        [InlineData("EAG0019", "2:8", Ns + "struct Constants { uint8_t a; }")]
        [InlineData("EAG0019", "2:9", Ns + "typedef SharedU32 = uint32_t;")]
        [InlineData("EAG0014", "3:14", Ns + "struct t { uint8_t x; }\nstruct s { t inner shared; }")]
        [InlineData("EAG0014", "2:21", Ns + "struct s { uint32_t a bitmap; }")]
        [InlineData("EAG0015", "2:8", Ns + "struct a { b x; }\nstruct b { a y; }")]
        [InlineData("EAG0015", "2:9", Ns + "typedef x = y;\ntypedef y = x;")]
        [InlineData("EAG0016", "2:28", Ns + "struct s { uint8_t a align(3); }")]
        [InlineData("EAG0023", "2:24", Ns + "struct s { uint8_t a : ; }")]
        [InlineData("EAG0023", "2:23", Ns + "struct s { uint32_t : shared; }")]
        [InlineData("EAG0023", "2:37", Ns + "struct s { uint8_t len; uint8_t a : len; }")]
        [InlineData("EAG0023", "2:24", Ns + "struct s { uint8_t a : uint32_t; }")]
        [InlineData("EAG0024", "2:24", Ns + "struct s { uint8_t a : 0; }")]
        [InlineData("EAG0024", "2:24", Ns + "struct s { uint8_t a : 9; }")]
        [InlineData("EAG0024", "2:23", Ns + "struct s { uint32_t : 0 - 1; }")]
        [InlineData("EAG0024", "2:22", Ns + "struct s { ulong a : 40; }")]
        [InlineData("EAG0025", "3:12", Ns + "struct t { uint8_t x; }\nstruct s { t a : 3; }")]
        [InlineData("EAG0025", "2:12", Ns + "struct s { ptr p : 3; }")]
        [InlineData("EAG0025", "2:12", Ns + "struct s { handle<uint8_t> h : 3; }")]
        [InlineData("EAG0025", "3:12", Ns + "typedef addr_t = ptr;\nstruct s { addr_t p : 3; }")]
        [InlineData("EAG0025", "2:22", Ns + "struct s { uint8_t a[2] : 3; }")]
        [InlineData("EAG0025", "3:12", Ns + "word w : uint32_t shared { A = 0; }\nstruct s { w a : 3; }")]
        [InlineData("EAG0014", "2:20", Ns + "struct s { uint8_t a : 3 shared; }")]
        [InlineData("EAG0014", "2:21", Ns + "struct s { uint32_t b : 3 bitmap; }")]
        [InlineData("EAG0014", "2:21", Ns + "struct s { uint32_t b : 3 align(4); }")]
        public void Bad_spec_gives_located_diagnostic(string id, string lineCol, string spec)
        {
            var all = Specs.Layout(spec).Diagnostics;
            var hit = all.FirstOrDefault(d => d.Id == id);
            Assert.True(hit != null, $"expected {id}, got:\n" + string.Join("\n", all));
            var loc = hit!.Location;
            Assert.Equal(lineCol, $"{loc.Line + 1}:{loc.Column + 1}");
            Assert.Equal("test.abi", loc.Path);
            Assert.False(string.IsNullOrWhiteSpace(hit.Message));
            Assert.StartsWith($"test.abi({loc.Line + 1},{loc.Column + 1}): ", hit.ToString());
        }

        [Fact]
        public void Binary_junk_is_not_text()
        {
            var rng = new Random(42);
            var bytes = new byte[4096];
            rng.NextBytes(bytes);
            var text = Encoding.UTF8.GetString(bytes);
            var d = Assert.Single(Specs.Layout(text).Diagnostics);
            Assert.Equal(DiagnosticIds.NotText, d.Id);
            Assert.Equal(SpecSeverity.Error, d.Severity);
        }

        [Fact]
        public void Namespace_mismatch_across_files_is_reported()
        {
            var a = Spec.Parser.Parse("a.abi", "namespace One;\nconst A = 1;");
            var b = Spec.Parser.Parse("b.abi", "namespace Two;\nconst B = 1;");
            var r = Layout.LayoutEngine.Run(new[] { a, b });
            var d = Assert.Single(r.Diagnostics, x => x.Id == DiagnosticIds.NamespaceMismatch);
            Assert.Equal("b.abi", d.Location.Path);
            Assert.Contains("One", d.Message);
        }

        [Fact]
        public void Messages_carry_the_numbers_and_the_fix()
        {
            var d = Specs.Errors(Ns + "struct s { uint64_t a[1 << 40]; }").Single();
            Assert.Contains("1048576", d.Message);
            Assert.Contains("shrink", d.Message);
            var cyc = Specs.Errors(Ns + "const A = B;\nconst B = C;\nconst C = A;").First(x => x.Id == DiagnosticIds.CyclicConstant);
            Assert.Contains("A -> B -> C -> A", cyc.Message);
            var typo = Specs.Errors(Ns + "struct s { uint32 a; }").Single();
            Assert.Contains("did you mean", typo.Message);
        }

        [Fact]
        public void Deep_nesting_does_not_overflow_the_stack()
        {
            var deep = Ns + "const A = " + new string('(', 100_000) + "1" + new string(')', 100_000) + ";";
            var d = Specs.Errors(deep);
            Assert.Contains(d, x => x.Id == DiagnosticIds.Syntax && x.Message.Contains("deeper"));
            var deepWhen = Ns + string.Concat(Enumerable.Repeat("when x86 { ", 5000)) + string.Concat(Enumerable.Repeat("} ", 5000));
            Assert.Contains(Specs.Errors(deepWhen), x => x.Id == DiagnosticIds.Syntax);
        }

        [Fact]
        public void Random_mutations_of_real_specs_never_throw()
        {
            // The curated specs and the layout tests' probes, so every construct (bitfields, enums, flexible arrays, rings) is mutated.
            var probes = System.IO.Directory.GetFiles(System.IO.Path.Combine(Specs.RepoRoot, "tests", "EvtchnAbiGen.LayoutTests", "Specs"), "*.abi").OrderBy(p => p, StringComparer.Ordinal);
            var originals = Specs.BuiltIn().Select(f => f.Path).Concat(probes).Select(System.IO.File.ReadAllText).ToArray();
            Assert.Contains(originals, t => t.Contains("ring rp_flex("));
            var rng = new Random(1234);
            const string alphabet = "{}[]();=<>.,|&^~+-*/%0123456789 \nabcxyz_\"'\\$@";
            for (int i = 0; i < 2500; i++)
            {
                var chars = originals[rng.Next(originals.Length)].ToCharArray();
                int edits = rng.Next(1, 6);
                for (int e = 0; e < edits; e++)
                    chars[rng.Next(chars.Length)] = alphabet[rng.Next(alphabet.Length)];
                var text = new string(chars, 0, rng.Next(chars.Length / 2, chars.Length));
                var r = Specs.Layout(text); // must not throw
                Assert.All(r.Diagnostics, d => Assert.Matches("^EAG\\d{4}$", d.Id));
            }
        }
    }
}
