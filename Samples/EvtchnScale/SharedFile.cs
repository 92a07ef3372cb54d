using System;
using System.IO;
using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;

namespace EvtchnScale
{
    /// <summary>The page both processes map. Only <see cref="Region"/> is Xen ABI (the engines' generated
    /// structures: the bytes a real guest would see); the header and per-port arrays before it are the
    /// simulator's own instrumentation.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Header
    {
        public const long MagicValue = 0x454C4143534E4845; // "EHNSCALE"

        public long Magic;
        public int Mechanism, WordBits, Guests, Reserve, Vifs, Vbds, PortLimit, Priorities;
        public long WorkNs;
        public int BackendReady, Stop, BackendDone, Pause, Paused;
        public long RegionOffset, RegionBytes;
        // Written by the backend when it stops.
        public long Handled, Spurious, Upcalls;
        public long LatP50, LatP99, LatMax;
        public long ConsoleP50, ConsoleP99, ConsoleMax;
        public long ConsoleAheadP50, ConsoleAheadP99, ConsoleAheadMax;
        // The backend's running count of deliveries, read by the hypervisor at each raise.
        public long Delivered;
    }

    public sealed unsafe class SharedFile : IDisposable
    {
        public const int Page = 4096;

        private readonly MemoryMappedFile _map;
        private readonly MemoryMappedViewAccessor _view;
        private byte* _base;

        public string Path { get; }
        public Header* Header => (Header*)_base;

        /// <summary>Per port: raises so far (written by the hypervisor), deliveries seen (by the backend),
        /// the raise's timestamp; per guest: deliveries (by the backend).</summary>
        public uint* Raised { get; }
        public uint* Seen { get; }
        public long* Stamp { get; }
        /// <summary>Per port: the backend's delivery count when the port was raised (events delivered ahead of it).</summary>
        public long* DeliveredAtRaise { get; }
        public long* GuestEvents { get; }
        public byte* Region { get; }

        private SharedFile(string path, bool create, int portLimit, int guests, long regionBytes)
        {
            Path = path;
            long offset = Layout(portLimit, guests, out long raised, out long seen, out long stamp, out long atRaise, out long guestEvents);
            long size = offset + regionBytes;
            _map = create
                ? MemoryMappedFile.CreateFromFile(path, FileMode.Create, null, size, MemoryMappedFileAccess.ReadWrite)
                : MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.ReadWrite);
            _view = _map.CreateViewAccessor(0, size, MemoryMappedFileAccess.ReadWrite);
            _view.SafeMemoryMappedViewHandle.AcquirePointer(ref _base);
            _base += _view.PointerOffset;
            Raised = (uint*)(_base + raised);
            Seen = (uint*)(_base + seen);
            Stamp = (long*)(_base + stamp);
            DeliveredAtRaise = (long*)(_base + atRaise);
            GuestEvents = (long*)(_base + guestEvents);
            Region = _base + offset;
        }

        private static long Layout(int portLimit, int guests, out long raised, out long seen, out long stamp, out long atRaise, out long guestEvents)
        {
            raised = Page;
            seen = raised + 4L * portLimit;
            stamp = Align(seen + 4L * portLimit, 8);
            atRaise = stamp + 8L * portLimit;
            guestEvents = atRaise + 8L * portLimit;
            return Align(guestEvents + 8L * Math.Max(1, guests), Page);
        }

        private static long Align(long v, long a) => (v + a - 1) / a * a;

        /// <summary>The hypervisor's side: a new zeroed file (tmpfs when the machine has /dev/shm, as real
        /// shared memory would be).</summary>
        public static SharedFile Create(string path, int portLimit, int guests, long regionBytes)
        {
            var f = new SharedFile(path, true, portLimit, guests, regionBytes);
            f.Header->RegionOffset = f.Region - f._base;
            f.Header->RegionBytes = regionBytes;
            return f;
        }

        /// <summary>The backend's side: map the file the hypervisor made, as its header describes it.</summary>
        public static SharedFile Open(string path)
        {
            EvtchnScale.Header h;
            using (var fs = File.OpenRead(path))
            {
                var bytes = new byte[sizeof(EvtchnScale.Header)];
                fs.ReadExactly(bytes);
                h = MemoryMarshal.Read<EvtchnScale.Header>(bytes);
            }
            if (h.Magic != EvtchnScale.Header.MagicValue) throw new InvalidDataException($"{path}: not an EvtchnScale shared file");
            return new SharedFile(path, false, h.PortLimit, h.Guests, h.RegionBytes);
        }

        public static string NewPath()
        {
            string dir = Directory.Exists("/dev/shm") ? "/dev/shm" : System.IO.Path.GetTempPath();
            return System.IO.Path.Combine(dir, $"evtchnscale-{Environment.ProcessId}-{Guid.NewGuid():N}.shm");
        }

        public void Dispose()
        {
            if (_base != null) _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _base = null;
            _view.Dispose();
            _map.Dispose();
        }
    }
}
