using System.Threading.Tasks;
using EvtchnAbiGen.Core.Diagnostics;
using Xunit;
using Test = EvtchnAbiGen.Generator.Tests.UsageTest<EvtchnAbiGen.Analyzers.PlainReadAnalyzer, EvtchnAbiGen.CodeFixes.PlainReadCodeFix>;

namespace EvtchnAbiGen.Generator.Tests
{
    public class PlainReadTests
    {
        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Eag1005(int marker, string bitmap, string index)
            => Test.Diagnostic(DiagnosticCatalog.PlainRead).WithLocation(marker).WithArguments(bitmap, index, "ReadWord");

        [Fact]
        public Task Plain_reads_of_shared_bitmap_words_become_volatile_reads()
            => new Test(@"
static unsafe class Use
{
    static ulong A(ref X64.shared_info s, int port) { ulong word = {|#0:s.evtchn_pending[port / 64]|}; return word; }
    static bool B(X64.shared_info* s) { while ({|#1:s->evtchn_mask[0]|} != 0) { } return true; }
}", @"
static unsafe class Use
{
    static ulong A(ref X64.shared_info s, int port) { ulong word = s.evtchn_pending.ReadWord(port / 64); return word; }
    static bool B(X64.shared_info* s) { while (s->evtchn_mask.ReadWord(0) != 0) { } return true; }
}")
            {
                ExpectedDiagnostics = { Eag1005(0, "s.evtchn_pending", "port / 64"), Eag1005(1, "s->evtchn_mask", "0") },
            }.RunAsync();

        [Fact]
        public Task Generated_reads_interlocked_refs_writes_and_private_copies_are_not_plain_reads()
            => new Test(@"
static class Use
{
    static void A(ref X64.shared_info s, X64.shared_info copy)
    {
        ulong a = s.evtchn_pending.ReadWord(0);
        Interlocked.Or(ref s.evtchn_pending[1], 2UL);
        ref ulong w = ref s.evtchn_mask[2];
        ulong b = copy.evtchn_pending[3];
    }
}").RunAsync();
    }
}
