using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EvtchnAbiGen.Core.Spec;

namespace EvtchnAbiGen.Cli
{
    /// <summary>Loads spec files: the built-in ones embedded in the CLI, or paths given by the user.</summary>
    internal static class SpecSources
    {
        public static List<SpecFile> BuiltIn()
        {
            var asm = typeof(SpecSources).Assembly;
            var files = new List<SpecFile>();
            foreach (var name in asm.GetManifestResourceNames().Where(n => n.EndsWith(".abi", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
            {
                using var stream = asm.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                files.Add(Parser.Parse(name, reader.ReadToEnd()));
            }
            return files;
        }

        /// <summary>The built-in specs' known differences from older releases (AbiSpecs/**/*.baseline).</summary>
        public static EvtchnAbiGen.Verifier.DriftBaseline BuiltInBaseline()
        {
            var asm = typeof(SpecSources).Assembly;
            var texts = new List<string>();
            foreach (var name in asm.GetManifestResourceNames().Where(n => n.EndsWith(EvtchnAbiGen.Verifier.DriftBaseline.Extension, StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
            {
                using var reader = new StreamReader(asm.GetManifestResourceStream(name)!);
                texts.Add(reader.ReadToEnd());
            }
            return EvtchnAbiGen.Verifier.DriftBaseline.Parse(texts);
        }

        /// <summary>Files are read as given; a directory contributes its *.abi files, subfolders included.</summary>
        public static List<SpecFile> FromPaths(IEnumerable<string> paths, out string? error)
        {
            error = null;
            var files = new List<SpecFile>();
            foreach (var p in paths)
            {
                IEnumerable<string> found;
                if (Directory.Exists(p)) found = Directory.GetFiles(p, "*.abi", SearchOption.AllDirectories).OrderBy(x => x, StringComparer.Ordinal);
                else if (File.Exists(p)) found = new[] { p };
                else
                {
                    error = $"spec file or folder not found: {p}";
                    return files;
                }
                foreach (var f in found)
                    files.Add(Parser.Parse(Path.GetRelativePath(Environment.CurrentDirectory, f), File.ReadAllText(f)));
            }
            return files;
        }
    }
}
