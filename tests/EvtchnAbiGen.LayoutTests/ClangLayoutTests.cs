using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace EvtchnAbiGen.LayoutTests
{
    /// <summary>For every generated struct on every ABI: size, alignment and every member's offset
    /// and size, measured in .NET and checked by clang-14 against Xen's real headers (and our 3-level
    /// reconstruction header) for that ABI's target triple.</summary>
    public class ClangLayoutTests
    {
        public static readonly (string Abi, string Namespace, string Triple)[] Abis =
        {
            ("x86_32", "Xen.Evtchn.X86_32", "i386-linux-gnu"),
            ("x86_64", "Xen.Evtchn.X86_64", "x86_64-linux-gnu"),
            ("arm32", "Xen.Evtchn.Arm32", "armv7-linux-gnueabihf"),
            ("arm64", "Xen.Evtchn.Arm64", "aarch64-linux-gnu"),
        };

        public static IEnumerable<object[]> Cases()
            => Abis.SelectMany(a => DotNetLayout.GeneratedStructs(a.Namespace).Select(t => new object[] { a.Abi, t.Name }));

        [Fact]
        public void Clang_and_xen_headers_are_installed()
        {
            // CI installs clang-14 and libxen-dev (.ci/run); without them every case below would be vacuous.
            Assert.True(ClangOracle.Available(), $"{ClangOracle.Clang} or /usr/include/xen/event_channel.h is missing: apt-get install clang-14 libxen-dev");
        }

        [Fact]
        public void Every_abi_has_the_expected_structs()
        {
            // Independent list: the structs the issue names, per Xen's headers.
            string[] expected =
            {
                "vcpu_time_info", "arch_vcpu_info", "vcpu_info", "arch_shared_info", "shared_info",
                "evtchn_init_control", "evtchn_expand_array", "evtchn_set_priority", "evtchn_fifo_control_block",
                "evtchn_alloc_unbound", "evtchn_bind_interdomain", "evtchn_bind_virq", "evtchn_bind_pirq", "evtchn_bind_ipi",
                "evtchn_close", "evtchn_send", "evtchn_status", "evtchn_bind_vcpu", "evtchn_unmask", "evtchn_reset", "evtchn_op",
            };
            foreach (var (_, ns, _) in Abis)
            {
                var names = DotNetLayout.GeneratedStructs(ns).Select(t => t.Name).ToHashSet();
                Assert.All(expected, e => Assert.Contains(e, names));
            }
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Layout_matches_clang(string abi, string structName)
        {
            Assert.True(ClangOracle.Available(), "clang-14 and libxen-dev are required");
            var (_, ns, triple) = Abis.Single(a => a.Abi == abi);
            var all = DotNetLayout.GeneratedStructs(ns).Select(DotNetLayout.Measure).ToList();
            var result = ClangOracle.Check(triple, all.SelectMany(ClangOracle.Assertions));
            Assert.True(result.Compiled, "clang could not compile the check file:\n" + result.RawOutput);

            var mine = all.Single(s => s.Name == structName);
            Assert.NotEmpty(mine.Fields.Count == 0 && mine.Size == 0 ? new[] { "empty" } : mine.Fields.Select(f => f.Path));
            var failures = result.FailedAsserts
                .Where(m => m == $"Size of {structName}" || m == $"Alignment of {structName}" || m.Contains($": {structName}::"))
                .ToList();
            Assert.True(failures.Count == 0,
                $"{abi} {structName}: clang disagrees with the .NET layout on:\n  " + string.Join("\n  ", failures) +
                "\nmeasured: size " + mine.Size + ", align " + mine.Align + "\n  " +
                string.Join("\n  ", mine.Fields.Select(f => $"{f.Path} @{f.Offset} size {f.Size}")));
        }

        [Fact]
        public void A_wrong_layout_is_caught()
        {
            // The oracle must be able to fail: feed it a deliberately wrong offset.
            Assert.True(ClangOracle.Available(), "clang-14 and libxen-dev are required");
            var wrong = new MeasuredStruct("shared_info", 3136, 8, new[] { new MeasuredField("wc_version", 3073, 4) });
            var result = ClangOracle.Check("x86_64-linux-gnu", ClangOracle.Assertions(wrong), cacheKey: "negative");
            Assert.Contains("Offset of field: shared_info::wc_version", result.FailedAsserts);
            Assert.DoesNotContain("Size of shared_info", result.FailedAsserts);
        }
    }
}
