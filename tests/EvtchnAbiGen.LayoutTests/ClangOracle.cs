using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace EvtchnAbiGen.LayoutTests
{
    /// <summary>The independent source of truth: clang-14 compiles Xen's real public headers (Debian
    /// libxen-dev, /usr/include/xen) for a target triple and checks bindgen-style _Static_asserts
    /// built from the .NET measurements. A failing assert is reported with its message.</summary>
    public static class ClangOracle
    {
        public const string XenInclude = "/usr/include";
        public const string XenInterfaceVersion = "0x00040e00";

        private static readonly ConcurrentDictionary<string, CheckResult> Cache = new();

        public sealed record CheckResult(bool Compiled, IReadOnlyList<string> FailedAsserts, string RawOutput)
        {
            /// <summary>Fails the test unless the check file compiled and clang agreed with every assertion.</summary>
            public void AssertAgrees(string label)
            {
                Xunit.Assert.True(Compiled, "clang could not compile the check file:\n" + RawOutput);
                Xunit.Assert.True(FailedAsserts.Count == 0, $"{label}: clang disagrees on:\n  " + string.Join("\n  ", FailedAsserts));
            }
        }

        public static string Clang => Environment.GetEnvironmentVariable("EVTCHNABIGEN_CLANG") ?? "clang-14";

        public static string RepoRoot => TestSupport.TestPaths.RepoRoot;

        public static string Assert(string name, string expr, long value) => $"_Static_assert(({expr}) == {value}, \"{name}\");";

        /// <summary>bindgen-style assertions for one measured struct.</summary>
        public static IEnumerable<string> Assertions(MeasuredStruct s) => Assertions(s, "struct " + s.Name);

        /// <summary>The same for a C type spelled <paramref name="tag"/> (e.g. "union bf_anon").</summary>
        public static IEnumerable<string> Assertions(MeasuredStruct s, string tag)
        {
            yield return Assert($"Size of {s.Name}", $"sizeof({tag})", s.Size);
            yield return Assert($"Alignment of {s.Name}", $"_Alignof({tag})", s.Align);
            foreach (var f in s.Fields)
            {
                yield return Assert($"Offset of field: {s.Name}::{f.Path}", $"offsetof({tag}, {f.Path})", f.Offset);
                yield return Assert($"Size of field: {s.Name}::{f.Path}", $"sizeof(((({tag} *)0)->{f.Path}))", f.Size);
            }
        }

        /// <summary>Compiles all assertions for one ABI in one clang run (cached per triple, or per
        /// <paramref name="cacheKey"/>), after Xen's headers and any extra <paramref name="headers"/> (absolute paths).</summary>
        public static CheckResult Check(string triple, IEnumerable<string> assertions, string? cacheKey = null, IEnumerable<string>? headers = null)
            => Cache.GetOrAdd(cacheKey ?? triple, _ => Run(triple, assertions, headers ?? Array.Empty<string>()));

        private static CheckResult Run(string triple, IEnumerable<string> assertions, IEnumerable<string> headers)
        {
            var src = new StringBuilder();
            src.AppendLine("#include <stdint.h>");
            src.AppendLine("#include <stddef.h>");
            src.AppendLine("#include <xen/xen.h>");
            src.AppendLine("#include <xen/event_channel.h>");
            src.AppendLine("#include \"xen-3l.h\"");
            foreach (var h in headers) src.AppendLine($"#include \"{h}\"");
            foreach (var a in assertions) src.AppendLine(a);

            var psi = new ProcessStartInfo(Clang)
            {
                RedirectStandardInput = true,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                "-x", "c", "-std=gnu11", "-ffreestanding", "-target", triple, "-fsyntax-only", "-ferror-limit=0",
                $"-D__XEN_INTERFACE_VERSION__={XenInterfaceVersion}", "-I", XenInclude, "-I", Path.Combine(RepoRoot, "AbiSpecs", "c"), "-",
            })
                psi.ArgumentList.Add(arg);
            using var p = Process.Start(psi)!;
            p.StandardInput.Write(src.ToString());
            p.StandardInput.Close();
            string stderr = p.StandardError.ReadToEnd();
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            var failed = Regex.Matches(stderr, "static_assert failed[^\"]*\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
            bool otherErrors = Regex.Matches(stderr, @"error:").Count > failed.Count;
            return new CheckResult(!otherErrors, failed, stderr);
        }

        public static bool Available()
        {
            try
            {
                using var p = Process.Start(new ProcessStartInfo(Clang, "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
                p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                return p.ExitCode == 0 && File.Exists(Path.Combine(XenInclude, "xen", "event_channel.h"));
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return false;
            }
        }
    }
}
