using EvtchnAbiGen.Clang;

namespace EvtchnAbiGen.Verifier
{
    /// <summary>The public way to choose and check libclang, for the CLI (verify, and later import). The binding
    /// itself (<c>EvtchnAbiGen.Clang</c>) is internal and loads libclang on first use without this; call
    /// <see cref="Load"/> first to pass --libclang and to get a one-line error before any work starts.</summary>
    public static class LibClangLoader
    {
        /// <summary>Where the loaded libclang came from; null until it is loaded.</summary>
        public static string? LoadedFrom => LibClang.LoadedFrom;

        /// <summary>Uses <paramref name="explicitPath"/> (--libclang) if given, else searches: see docs/verifier.md.
        /// Returns null on success, or a one-line error saying how to fix it. An explicit path must come before
        /// the first use of libclang.</summary>
        public static string? Load(string? explicitPath = null) => LibClang.Configure(explicitPath) ?? LibClang.Load();

        public static string ClangVersion() => LibClang.ClangVersion();
    }
}
