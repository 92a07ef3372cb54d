namespace EvtchnAbiGen.Inspect.Geometry
{
    /// <summary>The unit Xen shares memory in with a guest: 4 KiB on every ABI (XEN_PAGE_SIZE; an ARM guest
    /// with 64 KiB pages still uses 4 KiB frames in the hypercall ABI). No spec struct carries it; the FIFO
    /// event array and the shared_info page are dumped in these units.</summary>
    public static class XenPage
    {
        public const int Size = 4096;
    }
}
