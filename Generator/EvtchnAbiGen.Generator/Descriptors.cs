using EvtchnAbiGen.Core.Diagnostics;
using Microsoft.CodeAnalysis;

namespace EvtchnAbiGen.Generator
{
    /// <summary>Roslyn descriptors for the core's stable IDs (EvtchnAbiGen.Core.Diagnostics.DiagnosticIds).
    /// One descriptor per ID; the message carries the specifics and the fix.</summary>
    internal static class Descriptors
    {
        private const string Category = "EvtchnAbiGen.Spec";
        private const string HelpBase = "docs/diagnostics.md#";

        public static readonly DiagnosticDescriptor EmptySpec = new DiagnosticDescriptor(DiagnosticIds.EmptySpec, DiagnosticIds.Title(DiagnosticIds.EmptySpec), "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "eag0001");
        public static readonly DiagnosticDescriptor NotText = new DiagnosticDescriptor(DiagnosticIds.NotText, DiagnosticIds.Title(DiagnosticIds.NotText), "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "eag0002");
        public static readonly DiagnosticDescriptor Syntax = new DiagnosticDescriptor(DiagnosticIds.Syntax, DiagnosticIds.Title(DiagnosticIds.Syntax), "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "eag0003");
        public static readonly DiagnosticDescriptor UnknownType = new DiagnosticDescriptor(DiagnosticIds.UnknownType, DiagnosticIds.Title(DiagnosticIds.UnknownType), "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "eag0004");
        public static readonly DiagnosticDescriptor DuplicateField = new DiagnosticDescriptor(DiagnosticIds.DuplicateField, DiagnosticIds.Title(DiagnosticIds.DuplicateField), "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "eag0005");
        public static readonly DiagnosticDescriptor DuplicateDeclaration = new DiagnosticDescriptor(DiagnosticIds.DuplicateDeclaration, DiagnosticIds.Title(DiagnosticIds.DuplicateDeclaration), "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "eag0006");
        public static readonly DiagnosticDescriptor UnknownConstant = new DiagnosticDescriptor(DiagnosticIds.UnknownConstant, DiagnosticIds.Title(DiagnosticIds.UnknownConstant), "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "eag0007");
        public static readonly DiagnosticDescriptor CyclicConstant = new DiagnosticDescriptor(DiagnosticIds.CyclicConstant, DiagnosticIds.Title(DiagnosticIds.CyclicConstant), "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "eag0008");
        public static readonly DiagnosticDescriptor BadExpression = new DiagnosticDescriptor(DiagnosticIds.BadExpression, DiagnosticIds.Title(DiagnosticIds.BadExpression), "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "eag0009");
        public static readonly DiagnosticDescriptor BadArrayLength = new DiagnosticDescriptor(DiagnosticIds.BadArrayLength, DiagnosticIds.Title(DiagnosticIds.BadArrayLength), "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "eag0010");
        public static readonly DiagnosticDescriptor TooLarge = new DiagnosticDescriptor(DiagnosticIds.TooLarge, DiagnosticIds.Title(DiagnosticIds.TooLarge), "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "eag0011");
        public static readonly DiagnosticDescriptor BadBit = new DiagnosticDescriptor(DiagnosticIds.BadBit, DiagnosticIds.Title(DiagnosticIds.BadBit), "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "eag0012");
        public static readonly DiagnosticDescriptor UnknownSelector = new DiagnosticDescriptor(DiagnosticIds.UnknownSelector, DiagnosticIds.Title(DiagnosticIds.UnknownSelector), "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "eag0013");
        public static readonly DiagnosticDescriptor BadAttribute = new DiagnosticDescriptor(DiagnosticIds.BadAttribute, DiagnosticIds.Title(DiagnosticIds.BadAttribute), "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "eag0014");
        public static readonly DiagnosticDescriptor RecursiveType = new DiagnosticDescriptor(DiagnosticIds.RecursiveType, DiagnosticIds.Title(DiagnosticIds.RecursiveType), "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "eag0015");
        public static readonly DiagnosticDescriptor BadAlignment = new DiagnosticDescriptor(DiagnosticIds.BadAlignment, DiagnosticIds.Title(DiagnosticIds.BadAlignment), "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "eag0016");
        public static readonly DiagnosticDescriptor NamespaceMismatch = new DiagnosticDescriptor(DiagnosticIds.NamespaceMismatch, DiagnosticIds.Title(DiagnosticIds.NamespaceMismatch), "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "eag0017");
        public static readonly DiagnosticDescriptor ImplicitPadding = new DiagnosticDescriptor(DiagnosticIds.ImplicitPadding, DiagnosticIds.Title(DiagnosticIds.ImplicitPadding), "{0}", Category, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpBase + "eag0018");
        public static readonly DiagnosticDescriptor NameCollision = new DiagnosticDescriptor(DiagnosticIds.NameCollision, DiagnosticIds.Title(DiagnosticIds.NameCollision), "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "eag0019");
        public static readonly DiagnosticDescriptor InternalError = new DiagnosticDescriptor(DiagnosticIds.InternalError, DiagnosticIds.Title(DiagnosticIds.InternalError), "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "eag0099");

        public static DiagnosticDescriptor For(string id) => id switch
        {
            DiagnosticIds.EmptySpec => EmptySpec,
            DiagnosticIds.NotText => NotText,
            DiagnosticIds.Syntax => Syntax,
            DiagnosticIds.UnknownType => UnknownType,
            DiagnosticIds.DuplicateField => DuplicateField,
            DiagnosticIds.DuplicateDeclaration => DuplicateDeclaration,
            DiagnosticIds.UnknownConstant => UnknownConstant,
            DiagnosticIds.CyclicConstant => CyclicConstant,
            DiagnosticIds.BadExpression => BadExpression,
            DiagnosticIds.BadArrayLength => BadArrayLength,
            DiagnosticIds.TooLarge => TooLarge,
            DiagnosticIds.BadBit => BadBit,
            DiagnosticIds.UnknownSelector => UnknownSelector,
            DiagnosticIds.BadAttribute => BadAttribute,
            DiagnosticIds.RecursiveType => RecursiveType,
            DiagnosticIds.BadAlignment => BadAlignment,
            DiagnosticIds.NamespaceMismatch => NamespaceMismatch,
            DiagnosticIds.ImplicitPadding => ImplicitPadding,
            DiagnosticIds.NameCollision => NameCollision,
            DiagnosticIds.InternalError => InternalError,
            _ => InternalError,
        };
    }
}
