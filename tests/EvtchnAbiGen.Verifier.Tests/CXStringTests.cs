using System;
using System.Runtime.InteropServices;
using EvtchnAbiGen.Clang;
using Xunit;

namespace EvtchnAbiGen.Verifier.Tests
{
    /// <summary>Ownership of libclang strings. clang_getClangVersion returns a malloc'd copy, so a read
    /// after a free or a second free shows up (garbage text, or glibc aborting on the double free).</summary>
    public unsafe class CXStringTests
    {
        [Fact]
        public void ToString_reads_without_freeing()
        {
            Fixture.LoadClang();
            var s = clang.getClangVersion();
            string text = s.ToString();
            sbyte* p = clang.getCString(s);
            Assert.Contains("clang version", text);
            Assert.Equal(text, Marshal.PtrToStringUTF8((IntPtr)p));
            // Freed only once the checks pass: had ToString freed it, this would be a second free.
            s.Dispose();
        }

        [Fact]
        public void ToString_twice_gives_the_same_text()
        {
            Fixture.LoadClang();
            var s = clang.getClangVersion();
            string first = s.ToString();
            string second = s.ToString();
            Assert.Contains("clang version", first);
            Assert.Equal(first, second);
            s.Dispose();
        }

        [Fact]
        public void Dispose_clears_the_string_so_a_second_dispose_frees_nothing()
        {
            Fixture.LoadClang();
            var s = clang.getClangVersion();
            s.Dispose();
            Assert.True(s.data == null);
            Assert.Equal(0u, s.private_flags);
            Assert.Equal("", s.ToString());
            s.Dispose();
        }

        [Fact]
        public void Take_returns_the_text_once()
        {
            Fixture.LoadClang();
            var s = clang.getClangVersion();
            string expected = s.ToString();
            s.Dispose();
            Assert.Equal(expected, clang.getClangVersion().Take());
            Assert.Equal(expected, LibClangLoader.ClangVersion());
        }
    }
}
