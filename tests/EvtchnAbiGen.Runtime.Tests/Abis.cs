namespace EvtchnAbiGen.Runtime.Tests
{
    /// <summary>The ABIs the engines are tested on: one with 32-bit words, one with 64-bit words.</summary>
    public static class Abis
    {
        public const string X86_32 = "x86_32";
        public const string X86_64 = "x86_64";

        public static readonly string[] Names = { X86_32, X86_64 };
    }
}
