using System.Runtime.InteropServices;
using Xunit;

namespace EvtchnAbiGen.Runtime.Tests
{
    /// <summary>Why an x64-only test is skipped on <paramref name="arch"/>, or null to run it. Set as the
    /// attribute's Skip so other architectures report the test as skipped, not as passed.</summary>
    internal static class X64Only
    {
        public static string? SkipReason(Architecture arch)
            => arch == Architecture.X64 ? null : $"x64 disassembly is checked; this process is {arch}";
    }

    public sealed class X64FactAttribute : FactAttribute
    {
        public X64FactAttribute() => Skip = X64Only.SkipReason(RuntimeInformation.ProcessArchitecture);
    }

    public sealed class X64TheoryAttribute : TheoryAttribute
    {
        public X64TheoryAttribute() => Skip = X64Only.SkipReason(RuntimeInformation.ProcessArchitecture);
    }
}
