namespace EvtchnAbiGen.Core.Diagnostics
{
    /// <summary>Stable diagnostic IDs. Never renumber. Titles, severities and messages are in
    /// <see cref="DiagnosticCatalog"/>.</summary>
    // Internal in the analyzers, which compile this file too (no duplicate public types).
#if EVTCHNABIGEN_ANALYZERS
    internal
#else
    public
#endif
    static class DiagnosticIds
    {
        public const string EmptySpec = "EAG0001";
        public const string NotText = "EAG0002";
        public const string Syntax = "EAG0003";
        public const string UnknownType = "EAG0004";
        public const string DuplicateField = "EAG0005";
        public const string DuplicateDeclaration = "EAG0006";
        public const string UnknownConstant = "EAG0007";
        public const string CyclicConstant = "EAG0008";
        public const string BadExpression = "EAG0009";
        public const string BadArrayLength = "EAG0010";
        public const string TooLarge = "EAG0011";
        public const string BadBit = "EAG0012";
        public const string UnknownSelector = "EAG0013";
        public const string BadAttribute = "EAG0014";
        public const string RecursiveType = "EAG0015";
        public const string BadAlignment = "EAG0016";
        public const string NamespaceMismatch = "EAG0017";
        public const string ImplicitPadding = "EAG0018";
        public const string NameCollision = "EAG0019";
        public const string InternalError = "EAG0099";
        public const string AbiDivergence = "EAG0020";
        public const string BadOption = "EAG0021";
        public const string FrameworkTooOld = "EAG0022";
        public const string UnknownSelectedName = "EAG0030";
        public const string BitWidthNotConstant = "EAG0023";
        public const string BadBitWidth = "EAG0024";
        public const string BadBitfieldType = "EAG0025";
        public const string BadEnum = "EAG0026";

        // Usage analyzers (consumer code that uses generated types).
        public const string NonAtomicWrite = "EAG1001";
        public const string SharedStructCopy = "EAG1002";
        public const string BitIndexOutOfRange = "EAG1003";
        public const string UnguardedClear = "EAG1004";
        public const string PlainRead = "EAG1005";

        // The layout verifier (evtchn-abi verify; SARIF rules).
        public const string DriftSize = "EAG2001";
        public const string DriftField = "EAG2002";
        public const string DriftMissingInSpec = "EAG2003";
        public const string DriftMissingInC = "EAG2004";
        public const string DriftStructMissing = "EAG2005";
        public const string DriftConstantValue = "EAG2006";
        public const string DriftConstantMissing = "EAG2007";

        // The page inspector (evtchn-abi inspect): files it cannot inspect.
        public const string InspectFileSize = "EAG3001";
        public const string InspectFileUnreadable = "EAG3002";
        public const string ImportUnsupported = "EAG3101";
    }
}
