using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;

namespace EvtchnAbiGen.Clang
{
    /// <summary>Where libclang comes from, in this order: the path given to <see cref="Configure"/> (--libclang);
    /// a NuGet libclang.runtime.* native asset shipped with the app, or that package in the user's NuGet packages
    /// folder; the system's newest libclang-N.so.1. Loaded lazily by <see cref="Resolve"/>, which the static
    /// constructor of <see cref="clang"/> registers, so a P/Invoke needs no set-up call first.</summary>
    internal static class LibClang
    {
        private static readonly object Gate = new object();
        private static IntPtr _handle;
        private static string? _explicitPath;

        /// <summary>Where the loaded libclang came from; null until it is loaded.</summary>
        public static string? LoadedFrom { get; private set; }

        /// <summary>Use <paramref name="path"/> (null: search as usual). Call it before the first P/Invoke: once
        /// libclang is loaded the choice is fixed, and asking for another library is an error (returned, as from
        /// <see cref="Load"/>), not a silent no-op.</summary>
        public static string? Configure(string? path)
        {
            if (path == null) return null;
            lock (Gate)
            {
                if (_handle != IntPtr.Zero && path != LoadedFrom)
                    return $"libclang is already loaded from '{LoadedFrom}'; '{path}' must be given before its first use";
                _explicitPath = path;
                return null;
            }
        }

        /// <summary>Loads libclang now if it is not loaded yet. Returns null on success, or a one-line error
        /// saying how to fix it; a failure is not cached, so a later call searches again.</summary>
        public static string? Load()
        {
            lock (Gate)
            {
                if (_handle != IntPtr.Zero) return null;
                if (_explicitPath is string explicitPath)
                {
                    if (!File.Exists(explicitPath)) return $"libclang not found at '{explicitPath}' (given with --libclang)";
                    if (!NativeLibrary.TryLoad(explicitPath, out _handle)) return $"'{explicitPath}' could not be loaded as libclang";
                    LoadedFrom = explicitPath;
                }
                else if (NativeLibrary.TryLoad("libclang", typeof(LibClang).Assembly, DllImportSearchPath.AssemblyDirectory, out _handle))
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
                return _handle == IntPtr.Zero
                    ? "libclang not found: install it with 'apt-get install libclang1-14' (or any libclang1-N), or pass --libclang /path/to/libclang.so"
                    : null;
            }
        }

        /// <summary>"clang version N.N.N ..." of the loaded libclang (loading it if need be).</summary>
        public static string ClangVersion() => clang.getClangVersion().Take();

        /// <summary>The assembly's DllImport resolver. A libclang that cannot be loaded throws with
        /// <see cref="Load"/>'s message rather than the runtime's generic one.</summary>
        internal static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
        {
            if (name != clang.LibraryPath) return IntPtr.Zero;
            if (Load() is string error) throw new DllNotFoundException(error);
            return _handle;
        }

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
