using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Xunit;

namespace EvtchnAbiGen.LayoutTests
{
    /// <summary>Enums, generated from Specs/enum-probes.abi (namespace EnumProbe), against clang-14 on c/enum-probes.h:
    /// each enum's sizeof, _Alignof and signedness, every enumerator's value, the records that hold enums (size,
    /// alignment, every member), and where enum bitfields' bits are (the bytes clang compiles).</summary>
    public class EnumLayoutTests
    {
        private static string Header => Path.Combine(ClangOracle.RepoRoot, "tests", "EvtchnAbiGen.LayoutTests", "c", "enum-probes.h");

        /// <summary>The enums of the C header, with how C names each type.</summary>
        private static readonly (string Name, string CType)[] Enums =
        {
            ("ep_small", "enum ep_small"), ("ep_neg", "enum ep_neg"), ("ep_u32", "enum ep_u32"), ("ep_wide", "enum ep_wide"),
            ("ep_wide_neg", "enum ep_wide_neg"), ("ep_anon_t", "ep_anon_t"),
        };

        private static readonly (string Tag, string Name)[] Records = { ("struct", "ep_holder"), ("union", "ep_union") };

        public static IEnumerable<object[]> Abis() => ClangLayoutTests.Abis.Select(a => new object[] { a.Abi });

        [Theory]
        [MemberData(nameof(Abis))]
        public void Enum_types_enumerators_and_the_records_holding_them_match_clang(string abi)
        {
            Assert.True(ClangOracle.Available(), "clang-14 and libxen-dev are required");
            var asserts = new List<string>();
            foreach (var (name, ctype) in Enums)
            {
                var t = Generated(abi, name);
                Assert.True(t.IsEnum, $"{t} is not an enum");
                var under = Enum.GetUnderlyingType(t);
                asserts.Add(ClangOracle.Assert($"Size of {name}", $"sizeof({ctype})", DotNetLayout.SizeOf(t)));
                // Its alignment in structs is where the generated at_<enum> puts it after a byte (that record is checked below).
                asserts.AddRange(ClangOracle.Assertions(DotNetLayout.Measure(Generated(abi, "at_" + name)), "struct at_" + name));
                bool signed = under == typeof(int) || under == typeof(long);
                asserts.Add(ClangOracle.Assert($"Signedness of {name}", $"(({ctype})-1 < 0)", signed ? 1 : 0));
                foreach (var value in Enum.GetValues(t))
                    asserts.Add(ClangOracle.Assert($"Value of {Enum.GetName(t, value)}", Enum.GetName(t, value)!, Convert.ToInt64(value)));
            }
            foreach (var (tag, name) in Records)
                asserts.AddRange(ClangOracle.Assertions(DotNetLayout.Measure(Generated(abi, name)), tag + " " + name));
            var result = ClangOracle.Check(Triple(abi), asserts, cacheKey: "enums/" + Triple(abi), headers: new[] { Header });
            result.AssertAgrees(abi);
            Assert.True(asserts.Count > 40, $"only {asserts.Count} assertions");
        }

        [Theory]
        [MemberData(nameof(Abis))]
        public void Enum_bitfields_hold_clangs_bits(string abi)
        {
            var c = ClangBytes.Compile(Triple(abi), $"#include \"{Header}\"", new[]
            {
                ("ep_bits", "const struct ep_holder ep_bits = { .bits = EP_S7 };"),
                ("ep_more_bits", "const struct ep_holder ep_more_bits = { .more_bits = 31 };"),
            }, "enum-bits");
            var t = Generated(abi, "ep_holder");
            Assert.Equal(c["ep_bits"], Write(t, "bits", 7));
            Assert.Equal(c["ep_more_bits"], Write(t, "more_bits", 31));
        }

        /// <summary>A field of an enum type is the generated enum, so C# code reads it by name.</summary>
        [Fact]
        public void Enum_fields_are_typed_as_the_enum()
        {
            var t = Generated("x86_64", "ep_holder");
            Assert.Equal(Generated("x86_64", "ep_small"), t.GetField("small")!.FieldType);
            Assert.Equal(Generated("x86_64", "ep_anon_t"), t.GetField("anon")!.FieldType);
            Assert.Equal(typeof(ulong), Enum.GetUnderlyingType(Generated("x86_64", "ep_wide")));
            Assert.Equal(typeof(long), Enum.GetUnderlyingType(Generated("x86_32", "ep_wide_neg")));
            Assert.Equal(typeof(uint), Enum.GetUnderlyingType(Generated("arm32", "ep_u32")));
        }

        private static byte[] Write(Type t, string property, ulong value)
        {
            object boxed = Activator.CreateInstance(t)!;
            var p = t.GetProperty(property)!;
            p.SetValue(boxed, Convert.ChangeType(value, p.PropertyType));
            int size = (int)DotNetLayout.SizeOf(t);
            var bytes = new byte[size];
            unsafe
            {
                var handle = System.Runtime.InteropServices.GCHandle.Alloc(boxed, System.Runtime.InteropServices.GCHandleType.Pinned);
                try
                {
                    System.Runtime.InteropServices.Marshal.Copy(handle.AddrOfPinnedObject(), bytes, 0, size);
                }
                finally
                {
                    handle.Free();
                }
            }
            return bytes;
        }

        private static string Triple(string abi) => ClangLayoutTests.Abis.Single(a => a.Abi == abi).Triple;

        private static Type Generated(string abi, string name)
        {
            string ns = ClangLayoutTests.Abis.Single(a => a.Abi == abi).Namespace.Replace("Xen.Evtchn.", "EnumProbe.");
            return typeof(EnumLayoutTests).Assembly.GetType(ns + "." + name) ?? throw new Xunit.Sdk.XunitException($"{ns}.{name} was not generated");
        }
    }
}
