using System;

namespace EvtchnAbiGen.Inspect.Geometry
{
    /// <summary>Where per-vcpu blocks (FIFO control blocks, 3-level L2 selectors) are in a dump: vcpu v's
    /// block starts at <see cref="Offset"/> + v × stride. The stride defaults to the block's size (blocks back
    /// to back); give 4096 for a dump of one page per vcpu (Linux registers each vcpu's FIFO control block at
    /// offset 0 of its own page).</summary>
    public sealed record BlockPlacement(int Offset = 0, int? Stride = null)
    {
        public static BlockPlacement Default { get; } = new BlockPlacement();

        public int StrideOr(int blockSize) => Stride ?? blockSize;

        public long Start(int vcpu, int blockSize) => Offset + (long)vcpu * StrideOr(blockSize);

        /// <summary>The first byte after the last of <paramref name="vcpus"/> blocks.</summary>
        public long End(int vcpus, int blockSize) => Start(vcpus - 1, blockSize) + blockSize;

        /// <summary>Null when the placement makes sense for blocks of <paramref name="blockSize"/> bytes;
        /// otherwise what is wrong with it.</summary>
        public string? Problem(int blockSize)
        {
            if (Offset < 0) return $"the offset is {Offset}; it must be 0 or more";
            if (Stride is int s && s < blockSize) return $"the stride is {s}; it must be at least the block size, {blockSize}";
            return null;
        }

        /// <summary>Null when <paramref name="length"/> bytes hold the blocks of <paramref name="vcpus"/> vcpus;
        /// otherwise what they should be.</summary>
        public string? CheckLength(long length, int vcpus, int blockSize, string blockName)
        {
            long need = End(vcpus, blockSize);
            return length >= need ? null
                : $"at least {need} ({vcpus} × {blockName} of {blockSize} bytes from offset {Offset}"
                  + (vcpus > 1 ? $", one every {StrideOr(blockSize)} bytes)" : ")");
        }

        internal static void CheckVcpus(int vcpus)
        {
            if (vcpus < 1) throw new ArgumentOutOfRangeException(nameof(vcpus), vcpus, "there must be at least one vcpu");
        }

        internal void Validate(int blockSize)
        {
            if (Problem(blockSize) is string p) throw new ArgumentException(p, "placement");
        }
    }
}
