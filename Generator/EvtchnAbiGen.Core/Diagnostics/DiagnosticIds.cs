namespace EvtchnAbiGen.Core.Diagnostics
{
    /// <summary>Stable diagnostic IDs. Never renumber: they are tracked in
    /// Generator/EvtchnAbiGen.Generator/AnalyzerReleases.*.md and documented in docs/diagnostics.md.</summary>
    public static class DiagnosticIds
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

        /// <summary>Short titles, for the Roslyn descriptors and docs.</summary>
        public static string Title(string id) => id switch
        {
            EmptySpec => "Spec file is empty",
            NotText => "Spec file is not text",
            Syntax => "Spec syntax error",
            UnknownType => "Unknown type",
            DuplicateField => "Duplicate field",
            DuplicateDeclaration => "Duplicate declaration",
            UnknownConstant => "Unknown constant",
            CyclicConstant => "Cyclic constant",
            BadExpression => "Invalid constant expression",
            BadArrayLength => "Invalid array length",
            TooLarge => "Record too large",
            BadBit => "Invalid bit or bit range",
            UnknownSelector => "Unknown ABI selector",
            BadAttribute => "Invalid attribute",
            RecursiveType => "Recursive type",
            BadAlignment => "Invalid alignment",
            NamespaceMismatch => "Conflicting namespaces",
            ImplicitPadding => "Implicit padding",
            NameCollision => "Name collision in generated C#",
            InternalError => "Internal error",
            _ => "EvtchnAbiGen diagnostic",
        };
    }
}
