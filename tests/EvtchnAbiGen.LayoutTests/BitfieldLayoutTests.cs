using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using Xunit;

namespace EvtchnAbiGen.LayoutTests
{
    /// <summary>Bitfields, generated from Specs/bitfield-probes.abi (namespace BitfieldProbe), against clang-14 on
    /// C: c/bitfield-probes.h, and Xen's own hvm/ioreq.h for ioreq and buf_ioreq. Size, alignment and every ordinary
    /// member's offset go through the _Static_assert oracle; where each bitfield's bits are, and what the generated
    /// properties write and read, are compared with the bytes clang compiles for designated initializers.</summary>
    public class BitfieldLayoutTests
    {
        public static string Header => Path.Combine(ClangOracle.RepoRoot, "tests", "EvtchnAbiGen.LayoutTests", "c", "bitfield-probes.h");

        /// <summary>Every probe and its named bitfields, typed from the C header (not read from the generated code).</summary>
        private static readonly (string Tag, string Name, string[] Bitfields)[] Probes =
        {
            ("struct", "ioreq", new[] { "state", "data_is_ptr", "dir", "df", "_pad1" }),
            ("struct", "buf_ioreq", new[] { "pad", "dir", "size", "addr" }),
            ("struct", "bf_cross64", new[] { "a", "b" }),
            ("struct", "bf_span64", new[] { "b" }),
            ("struct", "bf_zero", new[] { "a", "b" }),
            ("struct", "bf_unnamed", new[] { "z" }),
            ("struct", "bf_mixed", new[] { "a", "b", "c", "e", "f", "g", "h", "l" }),
            ("struct", "bf_signed", new[] { "a", "b", "c", "d", "e" }),
            ("union", "bf_anon", new[] { "lo", "mid", "hi", "wide" }),
            ("struct", "bf_wide", new[] { "all", "tiny", "rest" }),
        };

        /// <summary>Values stored through C and through the properties: every bit (-1), the lowest bit, two alternating
        /// patterns. C truncates them to the field's width, as the setters must.</summary>
        private static readonly ulong[] Patterns = { ulong.MaxValue, 1, 0x5A5A5A5A5A5A5A5AUL, 0xA5A5A5A5A5A5A5A5UL };

        public static IEnumerable<object[]> StructCases()
            => ClangLayoutTests.Abis.SelectMany(a => Probes.Select(p => new object[] { a.Abi, p.Name }));

        public static IEnumerable<object[]> BitfieldCases()
            => ClangLayoutTests.Abis.SelectMany(a => Probes.SelectMany(p => p.Bitfields.Select(f => new object[] { a.Abi, p.Name, f })));

        [Theory]
        [MemberData(nameof(StructCases))]
        public void Size_alignment_and_ordinary_members_match_clang(string abi, string name)
        {
            Assert.True(ClangOracle.Available(), "clang-14 and libxen-dev are required");
            string triple = Triple(abi);
            var measured = Probes.Select(p => (p.Tag, m: DotNetLayout.Measure(Generated(abi, p.Name)))).ToList();
            var result = ClangOracle.Check(triple, measured.SelectMany(x => ClangOracle.Assertions(x.m, x.Tag + " " + x.m.Name)),
                cacheKey: "bitfields/" + triple, headers: new[] { Header });
            Assert.True(result.Compiled, "clang could not compile the check file:\n" + result.RawOutput);
            var mine = measured.Single(x => x.m.Name == name).m;
            var failures = result.FailedAsserts
                .Where(m => m == $"Size of {name}" || m == $"Alignment of {name}" || m.Contains($": {name}::")).ToList();
            Assert.True(failures.Count == 0, $"{abi} {name}: clang disagrees on:\n  " + string.Join("\n  ", failures) +
                $"\nmeasured: size {mine.Size}, align {mine.Align}\n  " + string.Join("\n  ", mine.Fields.Select(f => $"{f.Path} @{f.Offset} size {f.Size}")));
        }

        [Theory]
        [MemberData(nameof(StructCases))]
        public void Every_named_bitfield_has_a_property_and_no_other_does(string abi, string name)
        {
            var t = Generated(abi, name);
            var generated = t.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.Name.EndsWith("_Width", StringComparison.Ordinal))
                .Select(f => f.Name.Substring(0, f.Name.Length - "_Width".Length)).OrderBy(x => x, StringComparer.Ordinal);
            Assert.Equal(Probes.Single(p => p.Name == name).Bitfields.OrderBy(x => x, StringComparer.Ordinal), generated);
        }

        [Theory]
        [MemberData(nameof(BitfieldCases))]
        public void Bit_offset_and_width_are_clangs(string abi, string name, string field)
        {
            var (low, width) = ClangBits(abi, name, field);
            var t = Generated(abi, name);
            Assert.Equal(low, Constant(t, field + "_BitOffset"));
            Assert.Equal(width, Constant(t, field + "_Width"));
            // The run-time manifest says the same.
            var manifest = t.Assembly.GetType(t.Namespace + ".AbiManifest")!;
            var record = manifest.GetMethod("Find")!.Invoke(null, new object[] { name })!;
            var fields = (System.Collections.IEnumerable)record.GetType().GetProperty("Fields")!.GetValue(record)!;
            var entry = fields.Cast<object>().Single(f => (string)f.GetType().GetProperty("Path")!.GetValue(f)! == field);
            Assert.Equal(low, (int)entry.GetType().GetProperty("BitOffset")!.GetValue(entry)!);
            Assert.Equal(width, (int)entry.GetType().GetProperty("BitWidth")!.GetValue(entry)!);
            Assert.Equal(low / 8, (int)entry.GetType().GetProperty("Offset")!.GetValue(entry)!);
        }

        [Theory]
        [MemberData(nameof(BitfieldCases))]
        public void Properties_write_and_read_exactly_clangs_bits(string abi, string name, string field)
        {
            var c = ClangBytes.Compile(Triple(abi), Prelude, CObjects(), "bitfields");
            var t = Generated(abi, name);
            var prop = t.GetProperty(field)!;
            var (_, width) = ClangBits(abi, name, field);
            byte[] every = c[Symbol(name, field, 0)];
            for (int i = 0; i < Patterns.Length; i++)
            {
                byte[] expected = c[Symbol(name, field, i)];
                Assert.Equal(expected, Write(t, prop, new byte[expected.Length], Patterns[i]));
                Assert.Equal(Truncate(Patterns[i], width, IsSigned(prop.PropertyType)), Widen(prop.GetValue(FromBytes(t, expected))!));
            }
            // Clearing the field in an all-ones struct clears its bits and keeps every other bit.
            var ones = Enumerable.Repeat((byte)0xFF, every.Length).ToArray();
            Assert.Equal(every.Select(b => (byte)~b).ToArray(), Write(t, prop, ones, 0));
        }

        [Fact]
        public void The_byte_oracle_reads_little_endian_data_on_every_target()
        {
            foreach (var (_, _, triple) in ClangLayoutTests.Abis)
            {
                var c = ClangBytes.Compile(triple, "#include <stdint.h>",
                    new[] { ("probe_u32", "const uint32_t probe_u32 = 0x12345678;"), ("probe_u64", "const uint64_t probe_u64 = 0x0102030405060708ULL;") }, "endian");
                Assert.Equal(new byte[] { 0x78, 0x56, 0x34, 0x12 }, c["probe_u32"]);
                Assert.Equal(new byte[] { 8, 7, 6, 5, 4, 3, 2, 1 }, c["probe_u64"]);
            }
        }

        // ---- clang's side ----

        private static string Prelude => $"#include \"{Header}\"";

        private static string Symbol(string name, string field, int pattern) => $"eag_{name}_{field}_{pattern}";

        private static IEnumerable<(string, string)> CObjects()
            => Probes.SelectMany(p => p.Bitfields.SelectMany(f => Patterns.Select((v, i) =>
                (Symbol(p.Name, f, i), $"const {p.Tag} {p.Name} {Symbol(p.Name, f, i)} = {{ .{f} = {(v == ulong.MaxValue ? "-1" : $"0x{v:X}ULL")} }};"))));

        /// <summary>Where clang put the bits of <c>{ .field = -1 }</c>: lowest bit and count, checked contiguous.</summary>
        private static (int Low, int Width) ClangBits(string abi, string name, string field)
        {
            byte[] every = ClangBytes.Compile(Triple(abi), Prelude, CObjects(), "bitfields")[Symbol(name, field, 0)];
            var bits = Enumerable.Range(0, every.Length * 8).Where(b => (every[b / 8] >> (b % 8) & 1) != 0).ToList();
            Assert.NotEmpty(bits);
            Assert.Equal(Enumerable.Range(bits[0], bits.Count), bits);
            return (bits[0], bits.Count);
        }

        // ---- the generated side ----

        private static string Triple(string abi) => ClangLayoutTests.Abis.Single(a => a.Abi == abi).Triple;

        private static Type Generated(string abi, string name)
        {
            string ns = ClangLayoutTests.Abis.Single(a => a.Abi == abi).Namespace.Replace("Xen.Evtchn.", "BitfieldProbe.");
            return typeof(BitfieldLayoutTests).Assembly.GetType(ns + "." + name) ?? throw new Xunit.Sdk.XunitException($"{ns}.{name} was not generated");
        }

        private static int Constant(Type t, string name)
            => (int)(t.GetField(name, BindingFlags.Public | BindingFlags.Static) ?? throw new Xunit.Sdk.XunitException($"{t} has no {name}")).GetRawConstantValue()!;

        private static byte[] Write(Type t, PropertyInfo prop, byte[] initial, ulong value)
        {
            object box = FromBytes(t, initial);
            prop.SetValue(box, Narrow(value, prop.PropertyType));
            return (byte[])typeof(BitfieldLayoutTests).GetMethod(nameof(ToBytes), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(t).Invoke(null, new[] { box })!;
        }

        private static object FromBytes(Type t, byte[] bytes)
            => typeof(BitfieldLayoutTests).GetMethod(nameof(Read), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(t).Invoke(null, new object[] { bytes })!;

        private static T Read<T>(byte[] bytes) where T : struct => MemoryMarshal.Read<T>(bytes);

        private static byte[] ToBytes<T>(T value) where T : struct => MemoryMarshal.AsBytes(MemoryMarshal.CreateReadOnlySpan(ref value, 1)).ToArray();

        private static object Narrow(ulong v, Type t) => unchecked(Type.GetTypeCode(t) switch
        {
            TypeCode.Byte => (object)(byte)v,
            TypeCode.SByte => (sbyte)v,
            TypeCode.UInt16 => (ushort)v,
            TypeCode.Int16 => (short)v,
            TypeCode.UInt32 => (uint)v,
            TypeCode.Int32 => (int)v,
            TypeCode.UInt64 => v,
            TypeCode.Int64 => (long)v,
            _ => throw new ArgumentException(t.ToString()),
        });

        private static bool IsSigned(Type t) => t == typeof(sbyte) || t == typeof(short) || t == typeof(int) || t == typeof(long);

        /// <summary>A property's value as 64 bits (sign-extended for signed types).</summary>
        private static ulong Widen(object v) => unchecked(v switch
        {
            sbyte s => (ulong)s, short s => (ulong)s, int s => (ulong)s, long s => (ulong)s,
            _ => Convert.ToUInt64(v),
        });

        /// <summary>What C keeps of <paramref name="v"/> in a bitfield of this width, read back as 64 bits.</summary>
        private static ulong Truncate(ulong v, int width, bool signed)
        {
            ulong mask = width == 64 ? ulong.MaxValue : (1UL << width) - 1;
            ulong low = v & mask;
            return signed && (low >> (width - 1) & 1) != 0 ? low | ~mask : low;
        }
    }
}
