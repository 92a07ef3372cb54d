using System.Composition;
using System.Threading;
using EvtchnAbiGen.Core.Contract;
using EvtchnAbiGen.Core.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EvtchnAbiGen.CodeFixes
{
    /// <summary>EAG1005: 's.evtchn_pending[i]' read as a value becomes 's.evtchn_pending.ReadWord(i)'.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PlainReadCodeFix)), Shared]
    public sealed class PlainReadCodeFix : ReplaceNodeCodeFix<ElementAccessExpressionSyntax>
    {
        protected override string DiagnosticId => DiagnosticIds.PlainRead;

        protected override (string Title, SyntaxNode Old, SyntaxNode New)? Fix(Diagnostic d, ElementAccessExpressionSyntax element, SemanticModel model, CancellationToken ct)
            => element.ArgumentList.Arguments.Count != 1 ? null
                : ($"Use {GeneratedContract.ReadWord}", element,
                   SyntaxFactory.ParseExpression($"{element.Expression}.{GeneratedContract.ReadWord}({element.ArgumentList.Arguments[0]})"));
    }
}
