using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using Xunit;

namespace EvtchnAbiGen.Runtime.Tests
{
    public class X64OnlyTests
    {
        [Theory]
        [InlineData(Architecture.Arm64)]
        [InlineData(Architecture.X86)]
        [InlineData(Architecture.Arm)]
        public void Other_architectures_skip_with_a_reason(Architecture arch)
            => Assert.Contains(arch.ToString(), X64Only.SkipReason(arch));

        [Fact]
        public void X64_runs_the_test() => Assert.Null(X64Only.SkipReason(Architecture.X64));

        [Fact]
        public void The_attributes_skip_exactly_off_x64()
        {
            bool x64 = RuntimeInformation.ProcessArchitecture == Architecture.X64;
            Assert.Equal(x64, new X64FactAttribute().Skip == null);
            Assert.Equal(x64, new X64TheoryAttribute().Skip == null);
        }

        [Fact]
        public void Every_codegen_test_is_marked_x64_only()
        {
            // A plain [Fact] that returns early off x64 would be counted as passed there.
            var tests = typeof(CodegenTests).GetMethods()
                .Select(m => (m.Name, Attr: m.GetCustomAttribute<FactAttribute>())).Where(t => t.Attr != null).ToList();
            Assert.NotEmpty(tests);
            Assert.All(tests, t => Assert.True(t.Attr is X64FactAttribute || t.Attr is X64TheoryAttribute, t.Name + " is not marked x64-only"));
        }
    }
}
