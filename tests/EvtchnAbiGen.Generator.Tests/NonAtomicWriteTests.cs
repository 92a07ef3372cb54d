using System.Threading.Tasks;
using EvtchnAbiGen.Analyzers;
using EvtchnAbiGen.CodeFixes;
using EvtchnAbiGen.Core.Diagnostics;
using Xunit;
using Test = EvtchnAbiGen.Generator.Tests.UsageTest<EvtchnAbiGen.Analyzers.NonAtomicWriteAnalyzer, EvtchnAbiGen.CodeFixes.NonAtomicWriteCodeFix>;

namespace EvtchnAbiGen.Generator.Tests
{
    public class NonAtomicWriteTests
    {
        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Eag1001(int marker, string field, string kind, string op, string use)
            => Test.Diagnostic(DiagnosticCatalog.NonAtomicWrite).WithLocation(marker).WithArguments(field, kind, op, use);

        private const string Bitmap = "evtchn_pending.SetBit/ClearBit/TestAndSetBit/TestAndClearBit per bit, or evtchn_pending.ExchangeWord for a whole word";

        [Fact]
        public Task Plain_writes_of_shared_bitmap_words_through_ref_or_pointer_are_flagged()
            => new Test(@"
static unsafe class Use
{
    static void A(ref X64.shared_info s, int i) { {|#0:s.evtchn_pending[i] = 0|}; }
    static void B(X64.shared_info* s) { {|#1:s->evtchn_mask[3] ^= 2|}; }
    static void C(ref X64.shared_info s) { {|#2:s.evtchn_pending[1]++|}; }
    static void D(ref X64.vcpu_info v) { {|#3:v.evtchn_upcall_pending = default|}; }
}",
                null)
            {
                ExpectedDiagnostics =
                {
                    Eag1001(0, "evtchn_pending", "bitmap", "=", Bitmap),
                    Eag1001(1, "evtchn_mask", "bitmap", "^=", "evtchn_mask.SetBit/ClearBit/TestAndSetBit/TestAndClearBit per bit, or evtchn_mask.ExchangeWord for a whole word"),
                    Eag1001(2, "evtchn_pending", "bitmap", "++", Bitmap),
                    Eag1001(3, "evtchn_upcall_pending", "word", "=", "evtchn_upcall_pending.Write, Exchange, CompareExchange, Or or And"),
                },
            }.RunAsync();

        [Fact]
        public Task Generated_operations_private_copies_and_plain_fields_are_fine()
            => new Test(@"
static class Use
{
    static void A(ref X64.shared_info s) { s.evtchn_pending.SetBit(5); s.vcpu_info[0].evtchn_upcall_pending.Write(0); s.wc_sec = 1; }
    static X64.shared_info B() { var copy = new X64.shared_info(); copy.evtchn_pending[0] = 1; return copy; }
    static void C(X64.shared_info byValue) { byValue.evtchn_pending[0] |= 1; }
}").RunAsync();

        [Fact]
        public Task Setting_or_clearing_one_bit_is_fixed_to_the_generated_bit_operation()
            => new Test(@"
static class Use
{
    static void A(ref X64.shared_info s, int i, int b) { {|#0:s.evtchn_pending[i] |= 1UL << b|}; }
    static void B(ref X32.shared_info s, int b) { {|#1:s.evtchn_mask[2] &= ~(1u << b)|}; }
}", @"
static class Use
{
    static void A(ref X64.shared_info s, int i, int b) { s.evtchn_pending.SetBit(i * 64 + b); }
    static void B(ref X32.shared_info s, int b) { s.evtchn_mask.ClearBit(2 * 32 + b); }
}")
            {
                ExpectedDiagnostics =
                {
                    Eag1001(0, "evtchn_pending", "bitmap", "|=", "evtchn_pending.SetBit(bit) (bit = word index × BitsPerWord + bit in the word)"),
                    Eag1001(1, "evtchn_mask", "bitmap", "&=", "evtchn_mask.ClearBit(bit) (bit = word index × BitsPerWord + bit in the word)"),
                },
            }.RunAsync();
    }
}
