using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EvtchnAbiGen.Core.Diagnostics;

namespace EvtchnAbiGen.Cli.Inspect
{
    /// <summary>Reads dumps after checking their size with the geometry's rule, so a wrong-size file is one
    /// EAG3001 line (and a huge wrong file is never read).</summary>
    internal static class InspectFiles
    {
        /// <param name="check">The geometry's size rule: null when the length is right, else what it should be.</param>
        public static byte[] Read(string path, Func<long, string?> check)
        {
            long length = Length(path);
            Check(path, length, check);
            var bytes = File.ReadAllBytes(path);
            Check(path, bytes.Length, check); // the file changed under us (a live dump)
            return bytes;
        }

        /// <summary>The size of <paramref name="path"/>, or EAG3002 when it is missing or a folder.</summary>
        public static long Length(string path)
        {
            if (Directory.Exists(path)) throw new InspectFileException(DiagnosticCatalog.InspectFileUnreadable, path, "it is a folder, not a file");
            if (!File.Exists(path)) throw new InspectFileException(DiagnosticCatalog.InspectFileUnreadable, path, "no such file");
            return new FileInfo(path).Length;
        }

        public static void Check(string what, long length, Func<long, string?> check)
        {
            if (check(length) is string expected)
                throw new InspectFileException(DiagnosticCatalog.InspectFileSize, what, length.ToString(System.Globalization.CultureInfo.InvariantCulture), expected);
        }

        /// <summary>"a,b" and repeated options alike; a value that names an existing file is not split.</summary>
        public static List<string> SplitList(IEnumerable<string> values)
            => values.SelectMany(v => File.Exists(v) ? new[] { v } : v.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToList();
    }
}
