using Microsoft.CodeAnalysis;

namespace EvtchnAbiGen.Generator
{
    /// <summary>Roslyn descriptors for the core's stable IDs (EvtchnAbiGen.Core.Diagnostics.DiagnosticIds).
    /// One descriptor per ID; the message carries the specifics and the fix.</summary>
    internal static class Descriptors
    {
        private const string Category = "EvtchnAbiGen.Spec";

        public static readonly DiagnosticDescriptor EmptySpec = new DiagnosticDescriptor("EAG0001", "Spec file is empty", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: "docs/diagnostics.md#eag0001");
        public static readonly DiagnosticDescriptor NotText = new DiagnosticDescriptor("EAG0002", "Spec file is not text", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: "docs/diagnostics.md#eag0002");
        public static readonly DiagnosticDescriptor Syntax = new DiagnosticDescriptor("EAG0003", "Spec syntax error", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: "docs/diagnostics.md#eag0003");
        public static readonly DiagnosticDescriptor UnknownType = new DiagnosticDescriptor("EAG0004", "Unknown type", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: "docs/diagnostics.md#eag0004");
        public static readonly DiagnosticDescriptor DuplicateField = new DiagnosticDescriptor("EAG0005", "Duplicate field", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: "docs/diagnostics.md#eag0005");
        public static readonly DiagnosticDescriptor DuplicateDeclaration = new DiagnosticDescriptor("EAG0006", "Duplicate declaration", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: "docs/diagnostics.md#eag0006");
        public static readonly DiagnosticDescriptor UnknownConstant = new DiagnosticDescriptor("EAG0007", "Unknown constant", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: "docs/diagnostics.md#eag0007");
        public static readonly DiagnosticDescriptor CyclicConstant = new DiagnosticDescriptor("EAG0008", "Cyclic constant", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: "docs/diagnostics.md#eag0008");
        public static readonly DiagnosticDescriptor BadExpression = new DiagnosticDescriptor("EAG0009", "Invalid constant expression", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: "docs/diagnostics.md#eag0009");
        public static readonly DiagnosticDescriptor BadArrayLength = new DiagnosticDescriptor("EAG0010", "Invalid array length", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: "docs/diagnostics.md#eag0010");
        public static readonly DiagnosticDescriptor TooLarge = new DiagnosticDescriptor("EAG0011", "Record too large", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: "docs/diagnostics.md#eag0011");
        public static readonly DiagnosticDescriptor BadBit = new DiagnosticDescriptor("EAG0012", "Invalid bit or bit range", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: "docs/diagnostics.md#eag0012");
        public static readonly DiagnosticDescriptor UnknownSelector = new DiagnosticDescriptor("EAG0013", "Unknown ABI selector", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: "docs/diagnostics.md#eag0013");
        public static readonly DiagnosticDescriptor BadAttribute = new DiagnosticDescriptor("EAG0014", "Invalid attribute", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: "docs/diagnostics.md#eag0014");
        public static readonly DiagnosticDescriptor RecursiveType = new DiagnosticDescriptor("EAG0015", "Recursive type", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: "docs/diagnostics.md#eag0015");
        public static readonly DiagnosticDescriptor BadAlignment = new DiagnosticDescriptor("EAG0016", "Invalid alignment", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: "docs/diagnostics.md#eag0016");
        public static readonly DiagnosticDescriptor NamespaceMismatch = new DiagnosticDescriptor("EAG0017", "Conflicting namespaces", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: "docs/diagnostics.md#eag0017");
        public static readonly DiagnosticDescriptor ImplicitPadding = new DiagnosticDescriptor("EAG0018", "Implicit padding", "{0}", Category, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: "docs/diagnostics.md#eag0018");
        public static readonly DiagnosticDescriptor NameCollision = new DiagnosticDescriptor("EAG0019", "Name collision in generated C#", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: "docs/diagnostics.md#eag0019");
        public static readonly DiagnosticDescriptor InternalError = new DiagnosticDescriptor("EAG0099", "Internal error", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: "docs/diagnostics.md#eag0099");

        public static DiagnosticDescriptor For(string id) => id switch
        {
            "EAG0001" => EmptySpec,
            "EAG0002" => NotText,
            "EAG0003" => Syntax,
            "EAG0004" => UnknownType,
            "EAG0005" => DuplicateField,
            "EAG0006" => DuplicateDeclaration,
            "EAG0007" => UnknownConstant,
            "EAG0008" => CyclicConstant,
            "EAG0009" => BadExpression,
            "EAG0010" => BadArrayLength,
            "EAG0011" => TooLarge,
            "EAG0012" => BadBit,
            "EAG0013" => UnknownSelector,
            "EAG0014" => BadAttribute,
            "EAG0015" => RecursiveType,
            "EAG0016" => BadAlignment,
            "EAG0017" => NamespaceMismatch,
            "EAG0018" => ImplicitPadding,
            "EAG0019" => NameCollision,
            "EAG0099" => InternalError,
            _ => InternalError,
        };
    }
}
