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
    /// <summary>Headers the importer was not written for (from a user's trial): what it writes verifies with zero drift
    /// against clang, and what it cannot express is a located EAG3101 that names it, never a wrong layout.</summary>
    public class ImportSafetyTests
    {
        private static (string Spec, ImportResult Result, VerifyReport Report) ImportAndVerify(string header)
        {
            Fixture.LoadClang();
            using var copy = Fixture.CopyHeaders();
            File.WriteAllText(Path.Combine(copy.Dir, "trial.h"), "#include \"xen.h\"\n" + header);
            var result = HeaderImporter.Import(new ImportOptions(copy.Dir, new[] { "trial.h" }, Array.Empty<string>()));
            var layout = LayoutEngine.Run(new[] { Parser.Parse("trial.abi", result.Spec) });
            Assert.False(layout.HasErrors, string.Join("\n", layout.Diagnostics.Where(d => d.Severity == SpecSeverity.Error)));
            var report = LayoutVerifier.Run(layout, HeaderSet.ForXenDirectory(copy.Dir, Array.Empty<(string, string)>()));
            Assert.True(report.Clean, string.Join("\n", report.AllDrifts.Take(10).Select(d => d.Message)));
            return (result.Spec, result, report);
        }

        private static ImportProblem LeftOut(ImportResult r, string name, string because)
        {
            var p = Assert.Single(r.Problems, x => x.Message.Contains(" " + name + " "));
            Assert.Equal("EAG3101", p.Id);
            Assert.EndsWith("trial.h", p.File);
            Assert.Contains(because, p.Message);
            Assert.EndsWith("it is left out", p.Message);
            return p;
        }

        [Fact]
        public void Unsigned_enumerators_keep_their_value_and_one_above_long_leaves_its_enum_out()
        {
            var (spec, r, report) = ImportAndVerify(
                "enum en_u32 { EU_MAX = 0xffffffffu, EU_HI = 0x80000000u, EU_ONE = 1 };\n" +
                "enum en_u64 { EU64_MAX = 0xffffffffffffffffULL };\n" +
                "struct en_holder { uint8_t tag; enum en_u32 v; };\n");
            Assert.Contains("    EU_MAX = 4294967295;\n    EU_HI = 2147483648;\n", spec);
            Assert.All(report.Abis, a => Assert.Contains("en_holder", a.Structs));
            var p = Assert.Single(r.Problems);
            Assert.Equal(("EAG3101", 3), (p.Id, p.Line));
            Assert.Contains("enum en_u64's EU64_MAX is 18446744073709551615, above the spec language's 64-bit signed constants; the enum is left out", p.Message);
            Assert.DoesNotContain("EU64_MAX", spec);
        }

        [Fact]
        public void Records_with_layout_attributes_the_spec_cannot_express_are_left_out_with_the_attribute_named()
        {
            var (spec, r, report) = ImportAndVerify(
                "struct at_packed { uint8_t a; uint32_t b; uint64_t c; } __attribute__((packed));\n" +
                "struct at_recaligned { uint8_t a; } __attribute__((aligned(32)));\n" +
                "#pragma pack(push, 2)\nstruct at_pragma { uint8_t a; uint64_t b; };\n#pragma pack(pop)\n" +
                "#define AL4 __attribute__((aligned(4)))\nstruct at_macro { uint8_t a; uint16_t b AL4; uint64_t c; };\n" +
                "struct at_field { uint8_t a; uint64_t b __attribute__((aligned(16))); };\n" +
                "struct at_user { struct at_packed p; };\n");
            LeftOut(r, "at_packed", "it has __attribute__((packed))");
            LeftOut(r, "at_recaligned", "C says 32, the spec language would give 1");
            LeftOut(r, "at_pragma", "sizeof: C says 10, the spec language would give 12");
            LeftOut(r, "at_macro", "an aligned attribute on 'b' written through a macro");
            Assert.Contains(r.Problems, p => p.Message.Contains("at_user"));
            Assert.DoesNotContain("struct at_packed", spec);
            // What the spec language can say stays, and verified above: aligned(16) written where libclang shows it.
            Assert.All(report.Abis, a => Assert.Equal(new[] { "at_field" }, a.Structs));
        }

        [Fact]
        public void A_typedef_of_the_same_name_as_its_tag_imports_the_record_once()
        {
            var (spec, r, report) = ImportAndVerify(
                "typedef struct ns_same ns_same;\nstruct ns_same { uint32_t a; uint8_t b; };\n" +
                "typedef enum ns_kind ns_kind;\nenum ns_kind { NS_A, NS_B };\n" +
                "struct ns_user { ns_same s; ns_kind k; };\n");
            Assert.Empty(r.Problems);
            Assert.Contains("struct ns_same {\n", spec);
            Assert.DoesNotContain("typedef ns_same", spec);
            Assert.All(report.Abis, a => Assert.Equal(new[] { "ns_same", "ns_user" }, a.Structs.Where(s => !s.StartsWith("enum ")).OrderBy(s => s)));
        }

        [Fact]
        public void Enums_defined_inside_a_record_are_imported_and_their_enumerators_verified()
        {
            var (spec, r, report) = ImportAndVerify(
                "struct ie_rec { enum ie_kind { IE_A, IE_B } kind; uint8_t b; };\n" +
                "struct ae_rec { enum { AE_A, AE_B = 300 } kind; uint8_t b; };\n");
            Assert.Empty(r.Problems);
            Assert.Contains("enum ie_kind {\n    IE_A = 0;\n    IE_B = 1;\n}", spec);
            Assert.Contains("const AE_B = 300;", spec);
            Assert.All(report.Abis, a => Assert.True(a.ConstantCount >= 5, $"{a.Target.Name}: {a.ConstantCount} constants"));
        }

        [Fact]
        public void C_names_the_spec_language_reserves_are_left_out_and_named()
        {
            var (spec, r, _) = ImportAndVerify(
                "typedef uint8_t ulong;\nstruct handle { uint32_t a; };\nstruct kw_user { ulong u; uint32_t x; };\nstruct kw_fine { uint32_t shared; uint32_t when; };\n");
            LeftOut(r, "ulong", "EAG0006: 'ulong' is a built-in type");
            LeftOut(r, "handle", "EAG0006: 'handle' is a built-in type");
            Assert.Contains(r.Problems, p => p.Message.Contains("kw_user uses ulong"));
            Assert.Contains("struct kw_fine {\n    uint32_t shared;\n    uint32_t when;\n}", spec);
        }

        [Fact]
        public void Pointer_macros_are_dropped_and_unsigned_ones_above_long_keep_their_64_bits()
        {
            var (spec, r, _) = ImportAndVerify(
                "#define D_U64MAX 0xffffffffffffffffULL\n#define D_TOP (1ULL << 63)\n#define D_PTR ((void *)0)\n" +
                "#define D_OK 0x7fffffffffffffffULL\n#define D_NEG (-5)\n#define D_CHAR 'a'\n");
            Assert.Empty(r.Problems);
            Assert.DoesNotContain("D_PTR", spec);
            Assert.Contains("const D_U64MAX = -1;", spec);
            Assert.Contains("const D_TOP = -9223372036854775807 - 1;", spec);
            Assert.Contains("const D_OK = 9223372036854775807;", spec);
            Assert.Contains("const D_NEG = -5;", spec);
            Assert.Contains("const D_CHAR = 97;", spec);
        }

        [Fact]
        public void Verify_compares_each_bitfields_bits_not_only_its_unit()
        {
            Fixture.LoadClang();
            using var copy = Fixture.CopyHeaders();
            File.WriteAllText(Path.Combine(copy.Dir, "bits.h"), "#include \"xen.h\"\nstruct bfw { uint8_t a : 3; uint8_t b : 5; uint16_t c; };\n");
            string spec = HeaderImporter.Import(new ImportOptions(copy.Dir, new[] { "bits.h" }, Array.Empty<string>())).Spec;
            Assert.Contains("    uint8_t a : 3;\n    uint8_t b : 5;\n", spec);
            // The same bytes and unit sizes, other bits: only the bits tell.
            var wrong = LayoutEngine.Run(new[] { Parser.Parse("bits.abi", spec.Replace("a : 3;", "a : 5;").Replace("b : 5;", "b : 3;")) });
            var report = LayoutVerifier.Run(wrong, HeaderSet.ForXenDirectory(copy.Dir, Array.Empty<(string, string)>()));
            Assert.All(report.Abis, a =>
            {
                Assert.Equal(2, a.Drifts.Count);
                Assert.All(a.Drifts, d => Assert.Equal((DriftKind.FieldBits, "EAG2002"), (d.Kind, d.RuleId)));
                var b = Assert.Single(a.Drifts, d => d.Field == "b");
                Assert.Equal(("bit 3, width 5", "bit 5, width 3"), (b.Expected, b.Actual));
            });
        }

        [Fact]
        public void A_flexible_array_of_arrays_is_named_for_what_it_is()
        {
            var (_, r, _) = ImportAndVerify("struct fx_2d { uint16_t n; uint32_t m[][2]; };\n");
            var p = Assert.Single(r.Problems);
            Assert.Contains("'m' of a flexible or zero-length array with more than one dimension", p.Message);
        }
    }
}
