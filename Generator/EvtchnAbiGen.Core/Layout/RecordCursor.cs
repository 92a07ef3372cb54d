using System;
using System.Collections.Generic;

namespace EvtchnAbiGen.Core.Layout
{
    /// <summary>Where the next member of one struct or union goes, in bits so that bitfields can share bytes.
    /// The rules are those GCC and clang apply on all four psABIs (checked with clang-14 on each triple):
    /// <list type="bullet">
    /// <item>an ordinary member starts at the first byte after the last used bit, rounded up to its alignment;</item>
    /// <item>a bitfield of type T starts at the next free bit, unless it would then cross a boundary of T's
    /// alignment, in which case it starts at that boundary (so it always fits the sizeof(T) bytes from there);</item>
    /// <item>a zero-width bitfield moves the next free bit to T's alignment, and the size up to it;</item>
    /// <item>named bitfields raise the record's alignment to T's; unnamed ones only where the ABI says so.</item>
    /// </list>
    /// In a union every member starts at 0. Runs of adjacent non-zero-width bitfields are numbered: each run is one
    /// C11 memory location, which the generated code may read and write as a whole.</summary>
    internal sealed class RecordCursor
    {
        private readonly bool _isUnion;
        private readonly bool _unnamedBitfieldsAlign;
        // Bit ranges of the runs, and byte ranges members occupy, as parallel lists of longs: a list of tuples is a
        // value-type instantiation, JIT-compiled on a build's first run (docs/performance.md).
        private readonly List<long> _runStart = new List<long>(), _runEnd = new List<long>();
        private readonly List<long> _occupiedStart = new List<long>(), _occupiedEnd = new List<long>();
        private long _bits;
        private int _run = -1;

        public RecordCursor(bool isUnion, bool unnamedBitfieldsAlign)
        {
            _isUnion = isUnion;
            _unnamedBitfieldsAlign = unnamedBitfieldsAlign;
        }

        /// <summary>Bytes up to the last used bit (C's data size); the record's size is this rounded up to <see cref="Align"/>.</summary>
        public long Size { get; private set; }

        public int Align { get; private set; } = 1;

        /// <summary>The offset an ordinary member of this alignment would get.</summary>
        public long NextOffset(int align) => _isUnion ? 0 : AbiContext.AlignUp(Bytes(_bits), align);

        public void PlaceField(long offset, long size, int align)
        {
            _run = -1;
            if (!_isUnion) _bits = (offset + size) * 8;
            Size = Math.Max(Size, offset + size);
            Align = Math.Max(Align, align);
            Occupy(offset, offset + size);
        }

        /// <summary>Places a bitfield of a type of <paramref name="typeSize"/> bytes and <paramref name="typeAlign"/>
        /// alignment. Returns its first bit and its run (-1 for width 0, which has neither).</summary>
        public (long StartBit, int Run) PlaceBitfield(int typeSize, int typeAlign, int width, bool named)
        {
            if (named || _unnamedBitfieldsAlign) Align = Math.Max(Align, typeAlign);
            long unitBits = typeAlign * 8L;
            if (width == 0)
            {
                _run = -1;
                if (!_isUnion)
                {
                    _bits = AbiContext.AlignUp(_bits, (int)unitBits);
                    Size = Math.Max(Size, Bytes(_bits));
                }
                return (_isUnion ? 0 : _bits, -1);
            }
            long start = 0;
            if (_isUnion)
            {
                _run = -1; // union members never share a memory location with one another
            }
            else
            {
                if (_bits % unitBits + width > typeSize * 8L) _bits = AbiContext.AlignUp(_bits, (int)unitBits);
                start = _bits;
                _bits += width;
            }
            long end = start + width;
            if (_run < 0)
            {
                _run = _runStart.Count;
                _runStart.Add(start);
                _runEnd.Add(end);
            }
            else
            {
                _runEnd[_run] = end;
            }
            int run = _run;
            if (_isUnion) _run = -1;
            Size = Math.Max(Size, Bytes(end));
            Occupy(start / 8, Bytes(end));
            return (start, run);
        }

        /// <summary>The bytes a run's bits touch.</summary>
        public (int Offset, int Size) RunBytes(int run)
        {
            long start = _runStart[run], end = _runEnd[run];
            return ((int)(start / 8), (int)(Bytes(end) - start / 8));
        }

        /// <summary>Bytes no member and no bitfield (named or not) touches, up to <paramref name="total"/>.</summary>
        public List<PaddingGap> Padding(int total)
        {
            var gaps = new List<PaddingGap>();
            if (_isUnion) return gaps;
            long end = 0;
            for (int i = 0; i < _occupiedStart.Count; i++)
            {
                long start = _occupiedStart[i], stop = _occupiedEnd[i];
                if (start > end) gaps.Add(new PaddingGap((int)end, (int)(start - end)));
                end = Math.Max(end, stop);
            }
            if (total > end) gaps.Add(new PaddingGap((int)end, (int)(total - end)));
            return gaps;
        }

        private void Occupy(long start, long end)
        {
            _occupiedStart.Add(start);
            _occupiedEnd.Add(end);
        }

        private static long Bytes(long bits) => (bits + 7) / 8;
    }
}
