using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace EvtchnAbiGen.Generator.Tests
{
    /// <summary>The same checks through Microsoft.CodeAnalysis.Testing, the harness Roslyn's own
    /// generators use: exact diagnostic IDs and spans in the .abi file.</summary>
    public class RoslynTestingTests
    {
        internal static CSharpSourceGeneratorTest<EvtchnAbiGenerator, DefaultVerifier> NewTest()
        {
            var test = new CSharpSourceGeneratorTest<EvtchnAbiGenerator, DefaultVerifier>
            {
                // Offline: the running runtime's assemblies instead of a downloaded reference pack.
                ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
                TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck,
            };
            string dir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            foreach (var name in new[] { "System.Private.CoreLib.dll", "System.Runtime.dll", "System.Runtime.InteropServices.dll", "System.Collections.dll" })
                test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(Path.Combine(dir, name)));
            test.TestState.Sources.Add("class Consumer { }");
            return test;
        }

        [Fact]
        public async Task Unknown_type_is_reported_at_its_span()
        {
            var test = NewTest();
            test.TestState.AdditionalFiles.Add(("bad.abi", "namespace Bad;\nstruct s {\n    uint8_t a;\n    nope_t b;\n}\n"));
            test.ExpectedDiagnostics.Add(new DiagnosticResult("EAG0004", DiagnosticSeverity.Error)
                .WithSpan("bad.abi", 4, 5, 4, 11)
                .WithArguments("unknown type 'nope_t'; declare it with struct, union, enum, typedef or word, or use a built-in (uint8_t..int64_t, ulong, long, ptr, fnptr, handle<T>)"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Cyclic_constants_and_bad_bits_are_reported_together()
        {
            var test = NewTest();
            test.TestState.AdditionalFiles.Add(("c.abi", "namespace C;\nconst A = B;\nconst B = A;\nword w : uint8_t { X = 8; }\n"));
            test.ExpectedDiagnostics.Add(new DiagnosticResult("EAG0008", DiagnosticSeverity.Error).WithSpan("c.abi", 2, 7, 2, 8)
                .WithArguments("constant 'A' depends on itself (A -> B -> A); break the cycle"));
            test.ExpectedDiagnostics.Add(new DiagnosticResult("EAG0012", DiagnosticSeverity.Error).WithSpan("c.abi", 4, 20, 4, 21)
                .WithArguments("bits 8..8 of 'X' do not fit the 8-bit word w; use 0..7 with low <= high"));
            await test.RunAsync();
        }

        [Fact]
        public async Task A_valid_spec_produces_no_diagnostics_and_compiling_code()
        {
            var test = NewTest();
            test.TestState.AdditionalFiles.Add(("ok.abi", "namespace Ok;\nstruct pair { uint32_t a; uint32_t b; }\nconst N = sizeof(pair);\n"));
            test.TestState.Sources.Add("static class Use { public static int N => Ok.X86_64.Constants.N + Ok.Arm32.pair.NativeSize; }");
            await test.RunAsync();
        }
    }
}
