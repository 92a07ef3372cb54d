namespace EvtchnAbiGen.Runtime
{
    /// <summary>How a 2L/3L scan acknowledges (clears PENDING of) the ports it delivers.</summary>
    public enum ScanAck
    {
        /// <summary>All pending-and-unmasked ports of a word with one atomic AND, then the handler for each:
        /// one locked instruction per word instead of per port. A raise after the AND sets PENDING again and
        /// is delivered again; masked or newly pending bits the scan did not see are left alone.</summary>
        PerWord,

        /// <summary>Linux's order: clear each port's PENDING with its own locked operation right before its
        /// handler. For handlers that must see PENDING still set on the ports not yet handled.</summary>
        PerPort,
    }
}
