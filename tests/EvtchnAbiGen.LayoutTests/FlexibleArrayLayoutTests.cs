using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Xunit;

namespace EvtchnAbiGen.LayoutTests
{
    /// <summary>Flexible array members, generated from Specs/flexible-probes.abi (namespace FlexibleProbe), against
    /// clang-14 on c/flexible-probes.h: size, alignment, every ordinary member's offset, and the flexible member's
    /// offset (where the generated Span starts) through the _Static_assert oracle.</summary>
    public class FlexibleArrayLayoutTests
    {
        private static string Header => Path.Combine(ClangOracle.RepoRoot, "tests", "EvtchnAbiGen.LayoutTests", "c", "flexible-probes.h");

        /// <summary>Every probe and its flexible member, from the C header.</summary>
        private static readonly (string Name, string Flexible)[] Probes =
        {
            ("flex_u64", "data"), ("flex_zero", "words"), ("flex_records", "items"), ("flex_bytes", "tail"),
        };

        public static IEnumerable<object[]> Cases() => ClangLayoutTests.Abis.SelectMany(a => Probes.Select(p => new object[] { a.Abi, p.Name }));

        [Theory]
        [MemberData(nameof(Cases))]
        public void Size_alignment_members_and_the_flexible_arrays_offset_match_clang(string abi, string name)
        {
            Assert.True(ClangOracle.Available(), "clang-14 and libxen-dev are required");
            string triple = ClangLayoutTests.Abis.Single(a => a.Abi == abi).Triple;
            var t = Generated(abi, name);
            var measured = DotNetLayout.Measure(t);
            string flexible = Probes.Single(p => p.Name == name).Flexible;
            var asserts = ClangOracle.Assertions(measured).Append(ClangOracle.Assert($"Offset of {name}::{flexible}",
                $"__builtin_offsetof(struct {name}, {flexible})", FlexibleOffset(t, flexible))).ToList();
            var result = ClangOracle.Check(triple, asserts, cacheKey: $"flexible/{triple}/{name}", headers: new[] { Header });
            result.AssertAgrees($"{abi} {name}");
        }

        /// <summary>Where the generated accessor's Span starts, from the start of a buffer holding the record and 4
        /// elements, and that it has the length asked for.</summary>
        internal static long FlexibleOffset(Type t, string member)
        {
            var method = t.GetMethod(member, BindingFlags.Public | BindingFlags.Instance) ?? throw new Xunit.Sdk.XunitException($"{t} has no {member}(int count)");
            var probe = typeof(FlexibleArrayLayoutTests).GetMethod(nameof(Probe), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(t, method.ReturnType.GetGenericArguments()[0]);
            return (long)probe.Invoke(null, null)!;
        }

        private static unsafe long Probe<TRecord, TElement>() where TRecord : unmanaged where TElement : unmanaged
        {
            var buffer = new byte[sizeof(TRecord) + 4 * sizeof(TElement) + 64];
            fixed (byte* p = buffer)
            {
                ref TRecord r = ref Unsafe.AsRef<TRecord>(p);
                var method = typeof(TRecord).GetMethods().Single(m => m.ReturnType == typeof(Span<TElement>));
                // A Span cannot be boxed: read its start through a delegate over the ref.
                var span = ((Accessor<TRecord, TElement>)Delegate.CreateDelegate(typeof(Accessor<TRecord, TElement>), method))(ref r, 4);
                Assert.Equal(4, span.Length);
                return (byte*)Unsafe.AsPointer(ref span[0]) - p;
            }
        }

        private delegate Span<TElement> Accessor<TRecord, TElement>(ref TRecord record, int count);

        private static Type Generated(string abi, string name)
        {
            string ns = ClangLayoutTests.Abis.Single(a => a.Abi == abi).Namespace.Replace("Xen.Evtchn.", "FlexibleProbe.");
            return typeof(FlexibleArrayLayoutTests).Assembly.GetType(ns + "." + name) ?? throw new Xunit.Sdk.XunitException($"{ns}.{name} was not generated");
        }
    }
}
