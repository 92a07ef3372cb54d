using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace EvtchnAbiGen.LayoutTests
{
    /// <summary>The bytes C code puts in memory, per target, without running it: constant objects with designated
    /// initializers (e.g. <c>{ .state = 1 }</c>) are compiled by clang-14 to assembly for the target triple (-S:
    /// nothing to link or run, so all four ABIs work on one host) and read back from the data directives.
    /// This is how the bitfield tests learn where clang puts each bit.</summary>
    public static class ClangBytes
    {
        private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, byte[]>> Cache = new();

        /// <summary>Compiles <paramref name="objects"/> (symbol, C definition) after <paramref name="prelude"/> for one
        /// triple; returns each symbol's bytes. Cached per <paramref name="cacheKey"/>.</summary>
        public static IReadOnlyDictionary<string, byte[]> Compile(string triple, string prelude, IEnumerable<(string Symbol, string Definition)> objects,
            string cacheKey)
            => Cache.GetOrAdd(cacheKey + "/" + triple, _ => Run(triple, prelude, objects.ToList()));

        private static IReadOnlyDictionary<string, byte[]> Run(string triple, string prelude, List<(string Symbol, string Definition)> objects)
        {
            var src = new StringBuilder(prelude).AppendLine();
            foreach (var (_, def) in objects) src.AppendLine(def);
            var psi = new ProcessStartInfo(ClangOracle.Clang)
            {
                RedirectStandardInput = true,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "-x", "c", "-std=gnu11", "-ffreestanding", "-w", "-target", triple, "-S", "-o", "-", "-I", ClangOracle.XenInclude, "-" })
                psi.ArgumentList.Add(arg);
            using var p = Process.Start(psi)!;
            p.StandardInput.Write(src.ToString());
            p.StandardInput.Close();
            var stderr = p.StandardError.ReadToEndAsync();
            string asm = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException($"clang failed for {triple}:\n{stderr.Result}");
            var bytes = Parse(asm);
            foreach (var (sym, _) in objects)
                if (!bytes.ContainsKey(sym)) throw new InvalidOperationException($"{triple}: no data for {sym} in clang's output");
            return bytes;
        }

        /// <summary>Each "label:" followed by data directives up to ".size label, N". Any other directive inside an
        /// object is an error, so an unexpected output format fails the test instead of passing it.</summary>
        public static Dictionary<string, byte[]> Parse(string asm)
        {
            var result = new Dictionary<string, byte[]>();
            string? current = null;
            var data = new List<byte>();
            foreach (var rawLine in asm.Split('\n'))
            {
                string line = StripComment(rawLine).Trim();
                if (line.Length == 0) continue;
                if (current == null)
                {
                    if (line.EndsWith(':') && !line.StartsWith('.')) { current = line.TrimEnd(':'); data.Clear(); }
                    continue;
                }
                string[] parts = line.Split(new[] { ' ', '\t' }, 2, StringSplitOptions.RemoveEmptyEntries);
                string directive = parts[0], operand = parts.Length > 1 ? parts[1].Trim() : "";
                if (directive == ".size")
                {
                    int size = int.Parse(operand.Split(',')[1].Trim(), CultureInfo.InvariantCulture);
                    if (size != data.Count) throw new InvalidOperationException($"{current}: .size {size} but {data.Count} bytes of data");
                    result[current] = data.ToArray();
                    current = null;
                    continue;
                }
                int width = directive switch
                {
                    ".byte" => 1,
                    ".short" or ".hword" or ".2byte" => 2,
                    ".long" or ".word" or ".4byte" => 4,
                    ".quad" or ".xword" or ".8byte" => 8,
                    ".zero" or ".space" => 0,
                    _ => throw new InvalidOperationException($"{current}: unexpected '{line}' in clang's data"),
                };
                ulong value = operand.StartsWith('-')
                    ? unchecked((ulong)long.Parse(operand, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture))
                    : ulong.Parse(operand, NumberStyles.None, CultureInfo.InvariantCulture);
                if (width == 0)
                    data.AddRange(new byte[value]);
                else
                    for (int i = 0; i < width; i++) data.Add((byte)(value >> (8 * i)));   // little-endian targets
            }
            return result;
        }

        private static string StripComment(string line)
        {
            int cut = line.Length;
            foreach (var marker in new[] { "#", "@", "//" })
            {
                int i = line.IndexOf(marker, StringComparison.Ordinal);
                if (i >= 0 && i < cut) cut = i;
            }
            return line.Substring(0, cut);
        }
    }
}
