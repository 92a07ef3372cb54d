using System.IO;
using EvtchnAbiGen.TestSupport;
using Xunit;

namespace EvtchnAbiGen.Core.Tests
{
    /// <summary>The temp-folder helper every test project uses to leave nothing behind.</summary>
    public class TempDirTests
    {
        [Fact]
        public void Dispose_deletes_the_folder_and_its_contents_but_not_link_targets()
        {
            using var outside = new TempDir("evtchn-outside-");
            string kept = Path.Combine(outside.Path, "kept.txt");
            File.WriteAllText(kept, "x");

            var temp = new TempDir("evtchn-tempdir-");
            Assert.StartsWith(Path.GetTempPath(), temp.Path);
            Directory.CreateDirectory(Path.Combine(temp.Path, "a", "b"));
            File.WriteAllText(Path.Combine(temp.Path, "a", "b", "f.txt"), "x");
            Directory.CreateSymbolicLink(Path.Combine(temp.Path, "link"), outside.Path);

            temp.Dispose();
            Assert.False(Directory.Exists(temp.Path));
            Assert.True(File.Exists(kept));
            temp.Dispose(); // already gone: no error
        }
    }
}
