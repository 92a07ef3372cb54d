using EvtchnAbiGen.Core.Diagnostics;

namespace EvtchnAbiGen.Verifier.Import
{
    /// <summary>The importer's diagnostic IDs, from the one catalog.</summary>
    public static class ImportIds
    {
        /// <summary>A C construct the spec language cannot express; the declaration holding it is left out.</summary>
        public const string Unsupported = DiagnosticIds.ImportUnsupported;
    }
}
