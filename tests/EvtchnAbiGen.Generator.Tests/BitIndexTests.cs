using System.Threading.Tasks;
using EvtchnAbiGen.Core.Diagnostics;
using Xunit;
using Test = EvtchnAbiGen.Generator.Tests.UsageTest<EvtchnAbiGen.Analyzers.BitIndexAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace EvtchnAbiGen.Generator.Tests
{
    public class BitIndexTests
    {
        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Eag1003(int marker, int bit, string bitmap, string abi, int count)
            => Test.Diagnostic(DiagnosticCatalog.BitIndexOutOfRange).WithLocation(marker)
                .WithArguments(bit.ToString(), bitmap, abi, count.ToString(), (count - 1).ToString());

        [Fact]
        public Task Constant_ports_beyond_each_abis_bitmap_are_errors_on_checked_and_unchecked_operations()
            => new Test(@"
static class Use
{
    const int Port = 4096;
    static void A(ref X64.shared_info s, ref X32.shared_info t, ref X64.vcpu_info v)
    {
        s.evtchn_pending.SetBit({|#0:5000|});
        s.evtchn_mask.TestAndClearBitUnchecked({|#1:Port|});
        t.evtchn_pending.SetBit({|#2:1024|});
        v.evtchn_pending_sel.SetBit({|#3:-1|});
        s.vcpu_info[0].evtchn_upcall_pending.TestBit({|#4:8|});
    }
}")
            {
                ExpectedDiagnostics =
                {
                    Eag1003(0, 5000, "shared_info.evtchn_pending", "x86_64", 4096),
                    Eag1003(1, 4096, "shared_info.evtchn_mask", "x86_64", 4096),
                    Eag1003(2, 1024, "shared_info.evtchn_pending", "x86_32", 1024),
                    Eag1003(3, -1, "SharedU64", "every ABI", 64),
                    Eag1003(4, 8, "SharedU8", "every ABI", 8),
                },
            }.RunAsync();

        [Fact]
        public Task In_range_and_non_constant_indexes_are_fine()
            => new Test(@"
static class Use
{
    static void A(ref X64.shared_info s, ref X32.shared_info t, int port)
    {
        s.evtchn_pending.SetBit(4095);
        t.evtchn_pending.SetBit(1023);
        s.evtchn_pending.SetBit(port);
        s.evtchn_pending.SetBit(0);
    }
}").RunAsync();
    
        [Theory]
        [InlineData("warning", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)]
        [InlineData("none", null)]
        public Task An_editorconfig_severity_applies_to_usage_rules(string setting, Microsoft.CodeAnalysis.DiagnosticSeverity? expected)
        {
            string index = expected != null ? "{|#0:5000|}" : "5000";
            var test = new Test(@"
static class Use { static void A(ref X64.shared_info s) { s.evtchn_pending.SetBit(" + index + "); } }",
                editorConfig: $"dotnet_diagnostic.EAG1003.severity = {setting}\n");
            if (expected != null)
                test.ExpectedDiagnostics.Add(Eag1003(0, 5000, "shared_info.evtchn_pending", "x86_64", 4096).WithSeverity(expected.Value));
            return test.RunAsync();
        }
    }
}
