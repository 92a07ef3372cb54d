using System;
using System.IO;

namespace EvtchnAbiGen.TestSupport
{
    /// <summary>A fresh folder in the temp directory, deleted with everything in it on Dispose, so tests
    /// leave nothing behind. Symlinks inside are removed, not followed. Linked into every test project.</summary>
    internal sealed class TempDir : IDisposable
    {
        public TempDir(string prefix) => Path = Directory.CreateTempSubdirectory(prefix).FullName;

        public string Path { get; }

        public void Dispose()
        {
            if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
        }

        public override string ToString() => Path;
    }
}
