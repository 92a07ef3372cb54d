using System.Threading.Tasks;
using EvtchnAbiGen.Core.Diagnostics;
using Xunit;
using Test = EvtchnAbiGen.Generator.Tests.UsageTest<EvtchnAbiGen.Analyzers.UnguardedClearAnalyzer, EvtchnAbiGen.CodeFixes.UnguardedClearCodeFix>;

namespace EvtchnAbiGen.Generator.Tests
{
    public class UnguardedClearTests
    {
        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Eag1004(int marker)
            => Test.Diagnostic(DiagnosticCatalog.UnguardedClear).WithLocation(marker).WithArguments("MASKED", "event_word_t", "BUSY", "ClearMASKED");

        [Fact]
        public Task Raw_clears_of_masked_are_flagged()
            => new Test(@"
static unsafe class Use
{
    static void A(ref X64.event_word_t w) { {|#0:w.Write(w.Read() & ~X64.event_word_t.MASKED_Mask)|}; }
    static void B(uint* raw) { {|#1:Interlocked.And(ref *raw, ~X64.event_word_t.MASKED_Mask)|}; }
    static void C(ref uint raw) { {|#2:raw &= ~X64.event_word_t.MASKED_Mask|}; }
    static void D(ref X64.event_word_t w, uint old) { {|#3:w.CompareExchange(old & ~X64.event_word_t.MASKED_Mask, old)|}; }
    static void E(ref X64.event_word_t w) { {|#4:w.Exchange(w.Read() & ~X64.event_word_t.MASKED_Mask & ~X64.event_word_t.PENDING_Mask)|}; }
}")
            {
                ExpectedDiagnostics = { Eag1004(0), Eag1004(1), Eag1004(2), Eag1004(3), Eag1004(4) },
            }.RunAsync();

        [Fact]
        public Task The_guarded_clear_tests_and_a_compare_exchange_that_expects_busy_clear_are_fine()
            => new Test(@"
static class Use
{
    static void A(ref X64.event_word_t w)
    {
        w.ClearMASKED();
        w.TestAndClearMASKED();
        bool masked = (w.Read() & ~X64.event_word_t.MASKED_Mask) != w.Read();
        w.Write(w.Read() & ~X64.event_word_t.PENDING_Mask);
    }
    static void B(ref X64.event_word_t w)
    {
        uint seen = w.Read();
        uint expected = seen & ~X64.event_word_t.BUSY_Mask;
        w.CompareExchange(expected & ~X64.event_word_t.MASKED_Mask, expected);
    }
}").RunAsync();

        [Fact]
        public Task A_write_of_the_read_word_without_masked_becomes_the_guarded_clear()
            => new Test(@"
static class Use
{
    static void A(ref X64.event_word_t w) { {|#0:w.Write(w.Read() & ~X64.event_word_t.MASKED_Mask)|}; }
    static void B(X64.event_word_t[] words, int p) { {|#1:words[p].Write(~X64.event_word_t.MASKED_Mask & words[p].Read())|}; }
}", @"
static class Use
{
    static void A(ref X64.event_word_t w) { w.ClearMASKED(); }
    static void B(X64.event_word_t[] words, int p) { words[p].ClearMASKED(); }
}")
            {
                ExpectedDiagnostics = { Eag1004(0), Eag1004(1) },
            }.RunAsync();
    }
}
