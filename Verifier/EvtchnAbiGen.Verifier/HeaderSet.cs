using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace EvtchnAbiGen.Verifier
{
    /// <summary>What to parse: an include root under which 'xen/…' resolves to the user's header folder,
    /// the Xen headers to include, and extra headers held in memory (our 3-level reconstruction).</summary>
    public sealed class HeaderSet
    {
        public HeaderSet(string includeRoot, IReadOnlyList<string> includes, IReadOnlyList<(string Name, string Text)> extra, IReadOnlyList<string> extraClangArgs)
        {
            IncludeRoot = includeRoot;
            Includes = includes;
            Extra = extra;
            ExtraClangArgs = extraClangArgs;
        }

        public string IncludeRoot { get; }
        public IReadOnlyList<string> Includes { get; }
        public IReadOnlyList<(string Name, string Text)> Extra { get; }
        public IReadOnlyList<string> ExtraClangArgs { get; }

        public static readonly string[] XenHeaders = { "xen/xen.h", "xen/event_channel.h" };

        /// <summary>This set plus the headers and defines the specs name ('header io/netif.h;', 'define __XEN_TOOLS__;').</summary>
        public HeaderSet WithSpecHeaders(IEnumerable<string> headers, IEnumerable<string> defines)
            => new HeaderSet(IncludeRoot, Includes.Concat(headers.Select(h => "xen/" + h)).Distinct().ToList(), Extra,
                ExtraClangArgs.Concat(defines.Select(d => "-D" + d)).ToList());

        /// <summary>The newest interface version the headers support (__XEN_LATEST_INTERFACE_VERSION__ in
        /// xen-compat.h), or null when they do not say.</summary>
        public long? LatestInterfaceVersion => ReadLatestInterfaceVersion(Path.Combine(IncludeRoot, "xen"));

        /// <summary>__XEN_LATEST_INTERFACE_VERSION__ of the xen-compat.h in <paramref name="xenDir"/> (the folder of
        /// xen.h), or null.</summary>
        public static long? ReadLatestInterfaceVersion(string xenDir)
        {
            string compat = Path.Combine(xenDir, "xen-compat.h");
            if (!File.Exists(compat)) return null;
            var m = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(compat),
                @"#define\s+__XEN_LATEST_INTERFACE_VERSION__\s+0x([0-9A-Fa-f]+)");
            return m.Success ? Convert.ToInt64(m.Groups[1].Value, 16) : null;
        }

        /// <summary>Checks <paramref name="dir"/> holds Xen's public headers and makes 'xen/' resolve to it.</summary>
        public static HeaderSet ForXenDirectory(string dir, IEnumerable<(string Name, string Text)> extra, IEnumerable<string>? clangArgs = null)
        {
            string full = Path.GetFullPath(dir);
            if (!Directory.Exists(full))
                throw new VerifierSetupException($"Xen header folder not found: {dir} (install Debian's libxen-dev, or pass --headers DIR)");
            var missing = new[] { "xen.h", "event_channel.h" }.Where(h => !File.Exists(Path.Combine(full, h))).ToList();
            if (missing.Count > 0)
                throw new VerifierSetupException($"{dir} does not hold Xen's public headers (missing {string.Join(", ", missing)}); pass --headers DIR with the folder of event_channel.h");
            return new HeaderSet(RootOf(full), XenHeaders, extra.ToList(), (clangArgs ?? Array.Empty<string>()).ToList());
        }

        /// <summary>Any folder of headers, including nothing until a spec names its headers: what the importer checks
        /// its own output against (the folder need not be Xen's).</summary>
        public static HeaderSet ForHeaderDirectory(string dir)
            => new HeaderSet(RootOf(Path.GetFullPath(dir)), Array.Empty<string>(), Array.Empty<(string, string)>(), Array.Empty<string>());

        /// <summary>An include root under which 'xen/' is <paramref name="full"/>.</summary>
        private static string RootOf(string full)
        {
            if (Path.GetFileName(full.TrimEnd('/')) == "xen") return Path.GetDirectoryName(full.TrimEnd('/'))!;
            // The headers include each other as <xen/...> only through our 3-level header; give it a 'xen' alias.
            return IncludeAlias.Ensure(full);
        }

        /// <summary>The C headers that ship inside the verifier (AbiSpecs/c/*.h).</summary>
        public static List<(string Name, string Text)> BuiltInExtras()
        {
            var asm = typeof(HeaderSet).Assembly;
            var list = new List<(string, string)>();
            foreach (var name in asm.GetManifestResourceNames().Where(n => n.EndsWith(".h", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
            {
                using var s = asm.GetManifestResourceStream(name)!;
                using var r = new StreamReader(s);
                list.Add((name, r.ReadToEnd()));
            }
            return list;
        }
    }
}
