using System;
using System.IO;
using EvtchnAbiGen.TestSupport;

namespace EvtchnAbiGen.Verifier.Tests
{
    /// <summary>A private copy of Xen's headers in a temp folder named 'xen', to mutate; Dispose deletes it.</summary>
    internal sealed class HeaderCopy : IDisposable
    {
        private readonly TempDir _root;

        public HeaderCopy(string from)
        {
            _root = new TempDir("evtchn-verify-");
            Dir = Path.Combine(_root.Path, "xen");
            CopyDir(from, Dir);
        }

        /// <summary>The 'xen' folder; its parent serves as the include root, so no alias folder is made.</summary>
        public string Dir { get; }

        public string Root => _root.Path;

        public void Dispose() => _root.Dispose();

        private static void CopyDir(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
            foreach (var d in Directory.GetDirectories(from)) CopyDir(d, Path.Combine(to, Path.GetFileName(d)));
        }
    }
}
