using System.IO;
using System.Threading.Tasks;
using EvtchnAbiGen.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace EvtchnAbiGen.Generator.Tests
{
    public class SharedMemoryWriteAnalyzerTests
    {
        // The shape the generator emits: the marker attribute, an explicit struct, an inline-array bitmap.
        private const string Prelude = @"
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
namespace EvtchnAbiGen { [System.AttributeUsage(System.AttributeTargets.Field)] internal sealed class SharedWordAttribute : System.Attribute { public SharedWordAttribute(string kind) { } } }
[InlineArray(4)] public struct Bits { private ulong _e0; }
[StructLayout(LayoutKind.Explicit, Size = 48)]
public struct Page
{
    [FieldOffset(0)] [EvtchnAbiGen.SharedWord(""word"")] public uint ready;
    [FieldOffset(4)] public uint plain;
    [FieldOffset(8)] [EvtchnAbiGen.SharedWord(""bitmap"")] public Bits pending;
}
public struct Outer { public Page page; }
";

        private static Task Verify(string body, params DiagnosticResult[] expected)
        {
            var test = new CSharpAnalyzerTest<SharedMemoryWriteAnalyzer, DefaultVerifier>
            {
                ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
                TestCode = Prelude + "public static unsafe class Use {\n" + body + "\n}",
            };
            string dir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            foreach (var name in new[] { "System.Private.CoreLib.dll", "System.Runtime.dll", "System.Threading.dll" })
                test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(Path.Combine(dir, name)));
            test.SolutionTransforms.Add((solution, id) => solution.WithProjectCompilationOptions(id,
                ((Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions)solution.GetProject(id)!.CompilationOptions!).WithAllowUnsafe(true)));
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        private static DiagnosticResult Eag1001(string field, string kind, string op)
            => new DiagnosticResult(SharedMemoryWriteAnalyzer.Rule).WithArguments(field, kind, op);

        [Fact]
        public Task Plain_writes_through_ref_or_pointer_are_flagged()
            => Verify(@"
    public static void A(ref Page p) { {|#0:p.ready = 1|}; }
    public static void B(ref Page p) { {|#1:p.ready |= 2|}; }
    public static void C(Page* p) { {|#2:p->pending[3] = 1|}; }
    public static void D(ref Outer o) { {|#3:o.page.ready++|}; }",
                Eag1001("ready", "word", "=").WithLocation(0),
                Eag1001("ready", "word", "|=").WithLocation(1),
                Eag1001("pending", "bitmap", "=").WithLocation(2),
                Eag1001("ready", "word", "++").WithLocation(3));

        [Fact]
        public Task Atomic_ops_local_copies_and_plain_fields_are_fine()
            => Verify(@"
    public static void A(ref Page p) { Interlocked.Or(ref p.ready, 2u); Volatile.Write(ref p.ready, 0u); p.plain = 3; }
    public static Page B() { var copy = new Page(); copy.ready = 1; copy.pending[0] = 1; return copy; }
    public static void C(Page byValue) { byValue.ready = 9; }");
    }
}
