using System.IO;
using Xunit;

namespace EvtchnAbiGen.Verifier.Tests
{
    public class HeaderCopyTests
    {
        [Fact]
        public void Dispose_deletes_the_copy_and_leaves_the_system_headers()
        {
            var copy = Fixture.CopyHeaders();
            Assert.Equal("xen", Path.GetFileName(copy.Dir));
            Assert.True(File.Exists(Path.Combine(copy.Dir, "event_channel.h")));
            Assert.StartsWith(Path.GetTempPath(), copy.Root);

            copy.Dispose();
            Assert.False(Directory.Exists(copy.Root));
            Assert.True(File.Exists(Path.Combine(Fixture.SystemHeaders, "event_channel.h")));
        }
    }
}
