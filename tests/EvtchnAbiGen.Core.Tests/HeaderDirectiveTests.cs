using System.Linq;
using EvtchnAbiGen.Core.Layout;
using EvtchnAbiGen.Core.Spec;
using Xunit;

namespace EvtchnAbiGen.Core.Tests
{
    /// <summary>'header PATH;' and 'define NAME[=VALUE];' name the C headers a spec mirrors, for the verifier.</summary>
    public class HeaderDirectiveTests
    {
        [Fact]
        public void Headers_and_defines_are_read_in_order_and_reach_the_layout_result()
        {
            var file = Parser.Parse("a.abi", "header \"grant_table.h\";\nheader \"io/9pfs.h\";\nheader \"arch-x86/xen-mca.h\";\ndefine \"__XEN_TOOLS__\";\ndefine \"X=1\";\nnamespace N;\nconst A = 1;");
            Assert.False(file.HasErrors, string.Join("; ", file.Diagnostics));
            Assert.Equal(new[] { "grant_table.h", "io/9pfs.h", "arch-x86/xen-mca.h" }, file.CHeaders.ToArray());
            Assert.Equal(new[] { "__XEN_TOOLS__", "X=1" }, file.CDefines.ToArray());
            var other = Parser.Parse("b.abi", "namespace N;\nheader \"io/9pfs.h\";\nheader \"memory.h\";");
            var layout = LayoutEngine.Run(new[] { file, other });
            Assert.Equal(new[] { "grant_table.h", "io/9pfs.h", "arch-x86/xen-mca.h", "memory.h" }, layout.CHeaders.ToArray());
        }
    }
}
