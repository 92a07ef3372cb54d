using System.Threading.Tasks;
using EvtchnAbiGen.Core.Diagnostics;
using Xunit;
using Test = EvtchnAbiGen.Generator.Tests.UsageTest<EvtchnAbiGen.Analyzers.SharedStructCopyAnalyzer, EvtchnAbiGen.CodeFixes.SharedStructCopyCodeFix>;

namespace EvtchnAbiGen.Generator.Tests
{
    public class SharedStructCopyTests
    {
        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Eag1002(int marker, string expr, string type)
            => Test.Diagnostic(DiagnosticCatalog.SharedStructCopy).WithLocation(marker).WithArguments(expr, type);

        [Fact]
        public Task Copies_out_of_refs_pointers_and_ref_returns_are_flagged_wherever_they_land()
            => new Test(@"
static unsafe class Use
{
    static X64.shared_info field = default;
    static void Take(X64.vcpu_info v) { }
    static ref X64.shared_info Page(X64.shared_info* p) => ref *p;
    static void A(ref X64.shared_info s) { X64.shared_info copy = {|#0:s|}; }
    static void B(X64.shared_info* p) { var copy = {|#1:*p|}; Take({|#2:p->vcpu_info[0]|}); }
    static X64.vcpu_info C(ref X64.shared_info s) => {|#3:s.vcpu_info[1]|};
    static void D(X64.shared_info* p) { field = {|#4:Page(p)|}; }
    static void E(ref X64.evtchn_fifo_control_block cb) { var ready = {|#5:cb.ready|}; }
}")
            {
                ExpectedDiagnostics =
                {
                    Eag1002(0, "s", "shared_info"),
                    Eag1002(1, "*p", "shared_info"),
                    Eag1002(2, "p->vcpu_info[0]", "vcpu_info"),
                    Eag1002(3, "s.vcpu_info[1]", "vcpu_info"),
                    Eag1002(4, "Page(p)", "shared_info"),
                    Eag1002(5, "cb.ready", "SharedU32"),
                },
            }.RunAsync();

        [Fact]
        public Task Fresh_values_private_copies_refs_and_non_shared_structs_are_fine()
            => new Test(@"
static unsafe class Use
{
    static void A(ref X64.shared_info s, X64.shared_info byValue, X64.evtchn_send* send)
    {
        var fresh = new X64.shared_info();
        X64.shared_info zero = default;
        var again = byValue;
        ref readonly var view = ref s;
        ref var live = ref s.vcpu_info[0];
        var op = *send;
        uint word = s.vcpu_info[0].evtchn_upcall_pending.Read();
    }
}").RunAsync();

        [Fact]
        public Task A_read_only_copy_becomes_ref_readonly_and_a_mutated_one_becomes_ref()
            => new Test(@"
static unsafe class Use
{
    static uint A(ref X64.shared_info s) { X64.shared_info copy = {|#0:s|}; return copy.wc_sec + copy.wc_nsec; }
    static void B(X64.shared_info* p) { var copy = {|#1:*p|}; copy.evtchn_pending.SetBit(5); }
}", @"
static unsafe class Use
{
    static uint A(ref X64.shared_info s) { ref readonly X64.shared_info copy = ref s; return copy.wc_sec + copy.wc_nsec; }
    static void B(X64.shared_info* p) { ref var copy = ref *p; copy.evtchn_pending.SetBit(5); }
}")
            {
                ExpectedDiagnostics = { Eag1002(0, "s", "shared_info"), Eag1002(1, "*p", "shared_info") },
            }.RunAsync();
    }
}
