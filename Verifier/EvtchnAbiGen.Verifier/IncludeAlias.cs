using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace EvtchnAbiGen.Verifier
{
    /// <summary>A folder in the temp directory holding only 'xen' -> the user's header folder, so that
    /// &lt;xen/...&gt; resolves when that folder is not itself named 'xen'. One folder per header path, named
    /// from a SHA-256 of the path (string.GetHashCode is seeded per process), reused on later runs.</summary>
    internal static class IncludeAlias
    {
        public const string Prefix = "evtchnabigen-include-";

        public static string FolderFor(string fullHeaderDir)
        {
            fullHeaderDir = Path.TrimEndingDirectorySeparator(fullHeaderDir);
            byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(fullHeaderDir));
            return Path.Combine(Path.GetTempPath(), Prefix + Convert.ToHexStringLower(hash, 0, 8));
        }

        /// <summary>Creates the folder and link, or reuses them when the link already points at the folder.</summary>
        public static string Ensure(string fullHeaderDir)
        {
            fullHeaderDir = Path.TrimEndingDirectorySeparator(fullHeaderDir);
            string root = FolderFor(fullHeaderDir);
            Directory.CreateDirectory(root);
            string link = Path.Combine(root, "xen");
            if (PointsAt(link, fullHeaderDir)) return root;
            // Stale (another target or dangling): unlink it; a real folder there is an error to show.
            var existing = new FileInfo(link);
            if (existing.LinkTarget != null) existing.Delete();
            try
            {
                Directory.CreateSymbolicLink(link, fullHeaderDir);
            }
            catch (IOException) when (PointsAt(link, fullHeaderDir))
            {
                // Another run made the same link meanwhile.
            }
            return root;
        }

        private static bool PointsAt(string link, string target) => new FileInfo(link).LinkTarget == target;
    }
}
