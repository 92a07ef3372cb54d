using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using ClangSharp.Interop;

namespace EvtchnAbiGen.Verifier
{
    /// <summary>Finds libclang, in this order: an explicit path (--libclang); a NuGet libclang.runtime.*
    /// native asset shipped with the app, or that package in the user's NuGet packages folder; the system's
    /// newest libclang-N.so.1. It must run before the
    /// first P/Invoke into <see cref="clang"/>.</summary>
    public static class LibClangLoader
    {
        private static readonly object Gate = new object();
        private static IntPtr _handle;
        private static bool _resolverSet;

        public static string? LoadedFrom { get; private set; }

        /// <summary>Returns null on success, or a one-line error saying how to fix it.</summary>
        public static string? Load(string? explicitPath = null)
        {
            lock (Gate)
            {
                if (_handle != IntPtr.Zero) return null;
                if (explicitPath != null)
                {
                    if (!File.Exists(explicitPath)) return $"libclang not found at '{explicitPath}' (given with --libclang)";
                    if (!NativeLibrary.TryLoad(explicitPath, out _handle)) return $"'{explicitPath}' could not be loaded as libclang";
                    LoadedFrom = explicitPath;
                }
                else if (NativeLibrary.TryLoad("libclang", typeof(LibClangLoader).Assembly, DllImportSearchPath.AssemblyDirectory, out _handle))
                {
                    LoadedFrom = "libclang (NuGet runtime asset next to the app)";
                }
                else if (NuGetCandidates(NuGetPackagesFolder()).FirstOrDefault(p => NativeLibrary.TryLoad(p, out _handle)) is string fromNuGet)
                {
                    LoadedFrom = fromNuGet;
                }
                else
                {
                    foreach (var candidate in SystemCandidates())
                    {
                        if (NativeLibrary.TryLoad(candidate, out _handle))
                        {
                            LoadedFrom = candidate;
                            break;
                        }
                    }
                }
                if (_handle == IntPtr.Zero)
                    return "libclang not found: install it with 'apt-get install libclang1-14' (or any libclang1-N), or pass --libclang /path/to/libclang.so";
                if (!_resolverSet)
                {
                    NativeLibrary.SetDllImportResolver(typeof(clang).Assembly, Resolve);
                    _resolverSet = true;
                }
                return null;
            }
        }

        public static string ClangVersion() => clang.getClangVersion().Take();

        private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
            => name == "libclang" ? _handle : IntPtr.Zero;

        /// <summary>The user's NuGet packages folder (NUGET_PACKAGES, else ~/.nuget/packages).</summary>
        public static string NuGetPackagesFolder()
            => Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p ? p
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

        /// <summary>libclang.so of the libclang.runtime.linux-&lt;arch&gt; package versions in a NuGet packages folder,
        /// newest first: a user who adds that package to any project has it there, and the tool can use it.</summary>
        public static IEnumerable<string> NuGetCandidates(string packagesFolder)
        {
            string rid = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64";
            string dir = Path.Combine(packagesFolder, "libclang.runtime." + rid);
            if (!Directory.Exists(dir)) return Array.Empty<string>();
            return Directory.GetDirectories(dir)
                .Select(v => (version: Version.TryParse(Path.GetFileName(v).Split('-')[0], out var ver) ? ver : new Version(0, 0), path: v))
                .OrderByDescending(x => x.version)
                .Select(x => Path.Combine(x.path, "runtimes", rid, "native", "libclang.so"))
                .Where(File.Exists)
                .ToList();
        }

        /// <summary>System libclangs, newest LLVM version first.</summary>
        public static IEnumerable<string> SystemCandidates()
        {
            var found = new List<(int version, string path)>();
            foreach (var dir in new[] { "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib" })
            {
                if (!Directory.Exists(dir)) continue;
                foreach (var f in Directory.GetFiles(dir, "libclang-*.so.1"))
                    if (int.TryParse(Path.GetFileName(f).Substring("libclang-".Length).Split('.')[0], out int v)) found.Add((v, f));
            }
            if (Directory.Exists("/usr/lib"))
            {
                foreach (var d in Directory.GetDirectories("/usr/lib", "llvm-*"))
                {
                    string f = Path.Combine(d, "lib", "libclang.so.1");
                    if (File.Exists(f) && int.TryParse(Path.GetFileName(d).Substring("llvm-".Length), out int v)) found.Add((v, f));
                }
            }
            return found.OrderByDescending(x => x.version).Select(x => x.path).Distinct();
        }
    }
}
