using System;
using System.Linq;
using System.Reflection;
using Xunit;

namespace EvtchnAbiGen.LayoutTests
{
    /// <summary>A second independent source: the numbers in shared/reference/xen-evtchn-abi.md (clang dumps
    /// of Debian's Xen 4.17 headers, Xen's tools/include/xen-foreign/reference.size, and KVM's
    /// BUILD_BUG_ONs for the compat shared_info), typed in by hand from the fact sheet.</summary>
    public class FactSheetTests
    {
        private static Type Generated(string abi, string name)
        {
            string ns = ClangLayoutTests.Abis.Single(a => a.Abi == abi).Namespace;
            return typeof(FactSheetTests).Assembly.GetType(ns + "." + name) ?? throw new Xunit.Sdk.XunitException($"{ns}.{name} was not generated");
        }

        private static long Offset(string abi, string type, string path)
        {
            var measured = DotNetLayout.Measure(Generated(abi, type));
            var f = measured.Fields.SingleOrDefault(x => x.Path == path) ?? throw new Xunit.Sdk.XunitException($"{abi} {type} has no member {path}");
            return f.Offset;
        }

        [Theory]
        // struct, abi, size, align   (fact sheet §1.2, §2.2-2.4; reference.size)
        [InlineData("shared_info", "x86_32", 2344, 4)]
        [InlineData("shared_info", "x86_64", 3136, 8)]
        [InlineData("shared_info", "arm32", 1088, 8)]
        [InlineData("shared_info", "arm64", 1088, 8)]
        [InlineData("vcpu_info", "x86_32", 64, 4)]
        [InlineData("vcpu_info", "x86_64", 64, 8)]
        [InlineData("vcpu_info", "arm32", 48, 8)]
        [InlineData("vcpu_info", "arm64", 48, 8)]
        [InlineData("vcpu_time_info", "x86_32", 32, 4)]
        [InlineData("vcpu_time_info", "x86_64", 32, 8)]
        [InlineData("vcpu_time_info", "arm32", 32, 8)]
        [InlineData("arch_vcpu_info", "x86_32", 24, 4)]
        [InlineData("arch_vcpu_info", "x86_64", 16, 8)]
        [InlineData("arch_vcpu_info", "arm64", 0, 1)]
        [InlineData("arch_shared_info", "x86_32", 28, 4)]
        [InlineData("arch_shared_info", "x86_64", 48, 8)]
        [InlineData("arch_shared_info", "arm32", 0, 1)]
        [InlineData("evtchn_init_control", "x86_32", 24, 4)]
        [InlineData("evtchn_init_control", "x86_64", 24, 8)]
        [InlineData("evtchn_init_control", "arm32", 24, 8)]
        [InlineData("evtchn_expand_array", "x86_32", 8, 4)]
        [InlineData("evtchn_expand_array", "arm64", 8, 8)]
        [InlineData("evtchn_set_priority", "x86_64", 8, 4)]
        [InlineData("evtchn_fifo_control_block", "x86_32", 72, 4)]
        [InlineData("evtchn_fifo_control_block", "arm64", 72, 4)]
        [InlineData("evtchn_alloc_unbound", "x86_64", 8, 4)]
        [InlineData("evtchn_bind_interdomain", "arm32", 12, 4)]
        [InlineData("evtchn_bind_virq", "x86_32", 12, 4)]
        [InlineData("evtchn_bind_pirq", "arm64", 12, 4)]
        [InlineData("evtchn_bind_ipi", "x86_64", 8, 4)]
        [InlineData("evtchn_close", "x86_32", 4, 4)]
        [InlineData("evtchn_send", "arm32", 4, 4)]
        [InlineData("evtchn_status", "x86_64", 24, 4)]
        [InlineData("evtchn_status", "x86_32", 24, 4)]
        [InlineData("evtchn_bind_vcpu", "arm64", 8, 4)]
        [InlineData("evtchn_unmask", "x86_64", 4, 4)]
        [InlineData("evtchn_reset", "x86_64", 2, 2)]
        [InlineData("evtchn_op", "x86_32", 28, 4)]
        [InlineData("evtchn_op", "arm64", 28, 4)]
        public void Size_and_alignment_match_the_fact_sheet(string type, string abi, int size, int align)
        {
            var t = Generated(abi, type);
            Assert.Equal(size, DotNetLayout.SizeOf(t));
            Assert.Equal(align, DotNetLayout.AlignOf(t));
        }

        [Theory]
        // fact sheet §2.3 and §2.4; 0x924 = 2340 from KVM's BUILD_BUG_ON for compat shared_info
        [InlineData("shared_info", "evtchn_pending", 2048, 2048, 48, 48)]
        [InlineData("shared_info", "evtchn_mask", 2176, 2560, 560, 560)]
        [InlineData("shared_info", "wc_version", 2304, 3072, 1072, 1072)]
        [InlineData("shared_info", "wc_nsec", 2312, 3080, 1080, 1080)]
        [InlineData("shared_info", "arch", 2316, 3088, 1088, 1088)]
        [InlineData("vcpu_info", "evtchn_pending_sel", 4, 8, 8, 8)]
        [InlineData("vcpu_info", "arch", 8, 16, 16, 16)]
        [InlineData("vcpu_info", "time", 32, 32, 16, 16)]
        [InlineData("vcpu_time_info", "tsc_shift", 28, 28, 28, 28)]
        [InlineData("evtchn_init_control", "link_bits", 16, 16, 16, 16)]
        [InlineData("evtchn_fifo_control_block", "head", 8, 8, 8, 8)]
        public void Offsets_match_the_fact_sheet(string type, string path, int x86_32, int x86_64, int arm32, int arm64)
        {
            Assert.Equal(x86_32, Offset("x86_32", type, path));
            Assert.Equal(x86_64, Offset("x86_64", type, path));
            Assert.Equal(arm32, Offset("arm32", type, path));
            Assert.Equal(arm64, Offset("arm64", type, path));
        }

        [Fact]
        public void Wc_sec_hi_lives_in_arch_only_on_x86_32()
        {
            Assert.Equal(0x924, Offset("x86_32", "shared_info", "arch.wc_sec_hi"));
            Assert.Null(Generated("x86_32", "shared_info").GetField("wc_sec_hi"));
            Assert.Equal(3084, Offset("x86_64", "shared_info", "wc_sec_hi"));
            Assert.Equal(1084, Offset("arm64", "shared_info", "wc_sec_hi"));
            Assert.NotNull(Generated("x86_64", "vcpu_info").GetField("evtchn_upcall_mask"));
            Assert.NotNull(Generated("arm32", "vcpu_info").GetField("pad0"));
            Assert.Null(Generated("arm32", "vcpu_info").GetField("evtchn_upcall_mask"));
        }

        [Theory]
        // fact sheet §1.3, §2.1, §3
        [InlineData("EVTCHN_2L_NR_CHANNELS", 1024, 4096, 4096, 4096)]
        [InlineData("EVTCHN_3L_NR_CHANNELS", 32768, 262144, 262144, 262144)]
        [InlineData("EVTCHN_FIFO_NR_CHANNELS", 131072, 131072, 131072, 131072)]
        [InlineData("EVTCHN_FIFO_LINK_MASK", 0x1FFFF, 0x1FFFF, 0x1FFFF, 0x1FFFF)]
        [InlineData("EVTCHN_FIFO_MAX_QUEUES", 16, 16, 16, 16)]
        [InlineData("EVTCHN_FIFO_PRIORITY_DEFAULT", 7, 7, 7, 7)]
        [InlineData("XEN_LEGACY_MAX_VCPUS", 32, 32, 1, 1)]
        [InlineData("EVTCHNOP_init_control", 11, 11, 11, 11)]
        [InlineData("EVTCHNOP_set_priority", 13, 13, 13, 13)]
        [InlineData("EVTCHNOP_reset", 10, 10, 10, 10)]
        public void Constants_match_the_fact_sheet(string name, long x86_32, long x86_64, long arm32, long arm64)
        {
            long[] expected = { x86_32, x86_64, arm32, arm64 };
            for (int i = 0; i < 4; i++)
            {
                var field = Generated(ClangLayoutTests.Abis[i].Abi, "Constants").GetField(name, BindingFlags.Public | BindingFlags.Static);
                Assert.NotNull(field);
                Assert.Equal(expected[i], Convert.ToInt64(field!.GetRawConstantValue()));
            }
        }

        [Theory]
        // fact sheet §5 (hvm/ioreq.h): ioreq's flag bits are byte 30 on every ABI; buf_ioreq.addr is bits 4..23 of
        // byte 1 (bit 12 of the struct), sizeof 8, align 4.
        [InlineData("x86_32")]
        [InlineData("x86_64")]
        [InlineData("arm32")]
        [InlineData("arm64")]
        public void Ioreq_bitfields_match_the_fact_sheet(string abi)
        {
            string ns = ClangLayoutTests.Abis.Single(a => a.Abi == abi).Namespace.Replace("Xen.Evtchn.", "BitfieldProbe.");
            var ioreq = typeof(FactSheetTests).Assembly.GetType(ns + ".ioreq")!;
            var buf = typeof(FactSheetTests).Assembly.GetType(ns + ".buf_ioreq")!;
            int Const(Type t, string n) => (int)t.GetField(n)!.GetRawConstantValue()!;
            Assert.Equal(30 * 8, Const(ioreq, "state_BitOffset"));
            Assert.Equal(30 * 8 + 7, Const(ioreq, "_pad1_BitOffset"));
            Assert.Equal(32, DotNetLayout.SizeOf(ioreq));
            Assert.Equal(8 + 4, Const(buf, "addr_BitOffset"));
            Assert.Equal(20, Const(buf, "addr_Width"));
            Assert.Equal(8, DotNetLayout.SizeOf(buf));
            Assert.Equal(4, DotNetLayout.AlignOf(buf));
        }

        [Fact]
        public void Event_word_bits_match_the_fact_sheet()
        {
            var w = Generated("x86_64", "event_word_t");
            uint Mask(string n) => (uint)w.GetField(n + "_Mask")!.GetRawConstantValue()!;
            Assert.Equal(0x80000000u, Mask("PENDING"));
            Assert.Equal(0x40000000u, Mask("MASKED"));
            Assert.Equal(0x20000000u, Mask("LINKED"));
            Assert.Equal(0x10000000u, Mask("BUSY"));
            Assert.Equal(0x0001FFFFu, Mask("LINK"));
        }
    }
}

namespace EvtchnAbiGen.LayoutTests
{
    /// <summary>The manifest's "same on every ABI" flags, against the fact sheet: FIFO structs are "the same
    /// layout on 32 and 64 bit" except for the alignment of 8-byte members on i386 (§1.2, §6).</summary>
    public class PortabilityTests
    {
        [Theory]
        [InlineData("evtchn_fifo_control_block", true, true)]   // 72 / 4 everywhere
        [InlineData("evtchn_set_priority", true, true)]         // 8 / 4 everywhere
        [InlineData("evtchn_status", true, true)]               // 24 / 4 everywhere
        [InlineData("evtchn_init_control", false, true)]        // 24 everywhere; align 4 on i386, 8 elsewhere
        [InlineData("vcpu_time_info", false, true)]             // 32 everywhere; align 4 on i386
        [InlineData("shared_info", false, false)]               // 2344 / 3136 / 1088
        [InlineData("vcpu_info", false, false)]                 // 64 / 64 / 48
        public void Manifest_knows_which_structs_are_the_same_everywhere(string name, bool same, bool sameOffsets)
        {
            foreach (var s in new[] { Xen.Evtchn.X86_32.AbiManifest.Find(name)!, })
            {
                Xunit.Assert.Equal(same, s.SameOnEveryAbi);
                Xunit.Assert.Equal(sameOffsets, s.SameOffsetsOnEveryAbi);
            }
            var arm = Xen.Evtchn.Arm64.AbiManifest.Find(name)!;
            Xunit.Assert.Equal(same, arm.SameOnEveryAbi);
            Xunit.Assert.Equal(sameOffsets, arm.SameOffsetsOnEveryAbi);
        }
    }
}
