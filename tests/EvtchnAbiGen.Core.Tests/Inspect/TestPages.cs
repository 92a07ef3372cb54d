using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EvtchnAbiGen.Core.Layout;

namespace EvtchnAbiGen.Core.Tests.Inspect
{
    /// <summary>Guest memory built by hand from independent facts, never from the layout engine. The 2-level
    /// numbers are xen-evtchn-abi.md §2.3/§2.4, re-checked with clang-14 on /usr/include/xen/xen.h
    /// (offsetof/sizeof in _Static_asserts, -target i686-linux-gnu, x86_64-linux-gnu, armv7-linux-gnueabihf,
    /// aarch64-linux-gnu). FIFO: §1.2/§1.3 (control block 72 bytes, ready @0, head[16] @8; PENDING 31, MASKED 30,
    /// LINKED 29, BUSY 28, LINK bits 0..16). 3-level: docs/three-level-abi.md, checked with clang-14 on
    /// AbiSpecs/c/xen-3l.h (bitmap 4096/32768 bytes, L2 selector 128/512).</summary>
    internal sealed class SharedInfoPage
    {
        public static readonly (int Size, int PendingAt, int MaskAt, int SelAt, int WordBytes, int VcpuStride) X86_32 = (2344, 2048, 2176, 4, 4, 64);
        public static readonly (int Size, int PendingAt, int MaskAt, int SelAt, int WordBytes, int VcpuStride) X86_64 = (3136, 2048, 2560, 8, 8, 64);
        public static readonly (int Size, int PendingAt, int MaskAt, int SelAt, int WordBytes, int VcpuStride) Arm = (1088, 48, 560, 8, 8, 48);

        private readonly (int Size, int PendingAt, int MaskAt, int SelAt, int WordBytes, int VcpuStride) _f;

        public SharedInfoPage(string abi, int length = 0)
        {
            _f = abi switch { "x86_32" => X86_32, "x86_64" => X86_64, _ => Arm };
            Bytes = new byte[length == 0 ? _f.Size : length];
        }

        public byte[] Bytes { get; }

        public SharedInfoPage Pending(params int[] ports) => SetBits(_f.PendingAt, ports);

        public SharedInfoPage Masked(params int[] ports) => SetBits(_f.MaskAt, ports);

        /// <summary>vcpu_info[vcpu]: evtchn_upcall_pending (offset 0) and evtchn_pending_sel.</summary>
        public SharedInfoPage Vcpu(int vcpu, byte upcallPending, ulong selector)
        {
            int at = vcpu * _f.VcpuStride;
            Bytes[at] = upcallPending;
            if (_f.WordBytes == 4) BinaryPrimitives.WriteUInt32LittleEndian(Bytes.AsSpan(at + _f.SelAt), checked((uint)selector));
            else BinaryPrimitives.WriteUInt64LittleEndian(Bytes.AsSpan(at + _f.SelAt), selector);
            return this;
        }

        /// <summary>Bit n of a little-endian bitmap is bit n % 8 of byte n / 8, whatever the word width.</summary>
        private SharedInfoPage SetBits(int at, int[] ports)
        {
            foreach (int p in ports) Bytes[at + p / 8] |= (byte)(1 << (p % 8));
            return this;
        }
    }

    /// <summary>FIFO event-array pages and control blocks.</summary>
    internal sealed class FifoPages
    {
        public const uint PENDING = 1u << 31, MASKED = 1u << 30, LINKED = 1u << 29, BUSY = 1u << 28;

        public FifoPages(int pages = 1) => Words = new uint[pages * 1024];

        public uint[] Words { get; }

        /// <summary>A queue in link order: every port PENDING and LINKED, each linking to the next, the last to 0.</summary>
        public FifoPages Chain(params uint[] ports)
        {
            for (int i = 0; i < ports.Length; i++)
                Words[ports[i]] = PENDING | LINKED | (i + 1 < ports.Length ? ports[i + 1] : 0);
            return this;
        }

        public FifoPages Word(uint port, uint value)
        {
            Words[port] = value;
            return this;
        }

        public byte[] Array()
        {
            var bytes = new byte[Words.Length * 4];
            for (int i = 0; i < Words.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), Words[i]);
            return bytes;
        }

        /// <summary>evtchn_fifo_control_block: ready @0, head[16] @8; 72 bytes.</summary>
        public static byte[] Control(uint ready, IReadOnlyDictionary<int, uint> heads, int length = 72, int at = 0)
        {
            var cb = new byte[length];
            BinaryPrimitives.WriteUInt32LittleEndian(cb.AsSpan(at), ready);
            foreach (var (q, port) in heads) BinaryPrimitives.WriteUInt32LittleEndian(cb.AsSpan(at + 8 + 4 * q), port);
            return cb;
        }
    }

    /// <summary>3-level bitmaps and L2 selectors: W³/8 and W·W/8 bytes.</summary>
    internal static class ThreeLevelPages
    {
        public static int BitmapBytes(string abi) => abi == "x86_32" ? 4096 : 32768;

        public static int L2Bytes(string abi) => abi == "x86_32" ? 128 : 512;

        public static byte[] Bits(int length, params long[] bits)
        {
            var b = new byte[length];
            foreach (long n in bits) b[n / 8] |= (byte)(1 << (int)(n % 8));
            return b;
        }
    }

    /// <summary>The built-in specs' layout for one ABI, loaded from AbiSpecs/ as a consumer of the library would.</summary>
    internal static class BuiltInLayout
    {
        private static readonly Dictionary<string, AbiLayout> Cache = new Dictionary<string, AbiLayout>();

        public static AbiLayout For(string abi)
        {
            lock (Cache)
            {
                if (!Cache.TryGetValue(abi, out var layout))
                    Cache[abi] = layout = LayoutEngine.Run(Specs.BuiltIn(), new[] { AbiTarget.Find(abi)! }).Abis.Single();
                return layout;
            }
        }
    }

    internal static class TempFiles
    {
        public static string Write(string dir, string name, byte[] bytes)
        {
            string path = Path.Combine(dir, name);
            File.WriteAllBytes(path, bytes);
            return path;
        }
    }
}
