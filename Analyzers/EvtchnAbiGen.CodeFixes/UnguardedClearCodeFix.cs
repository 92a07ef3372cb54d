using System.Composition;
using System.Threading;
using EvtchnAbiGen.Analyzers;
using EvtchnAbiGen.Core.Contract;
using EvtchnAbiGen.Core.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EvtchnAbiGen.CodeFixes
{
    /// <summary>EAG1004: 'w.Write(w.Read() &amp; ~T.MASKED_Mask)' becomes 'w.ClearMASKED()', the generated clear
    /// that waits while the guard (BUSY) is set.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnguardedClearCodeFix)), Shared]
    public sealed class UnguardedClearCodeFix : ReplaceNodeCodeFix<InvocationExpressionSyntax>
    {
        protected override string DiagnosticId => DiagnosticIds.UnguardedClear;

        protected override (string Title, SyntaxNode Old, SyntaxNode New)? Fix(Diagnostic d, InvocationExpressionSyntax call, SemanticModel model, CancellationToken ct)
        {
            if (!d.Properties.TryGetValue(UnguardedClearAnalyzer.ClearProperty, out var clear) || clear == null) return null;
            if (Receiver(call) is not { } word) return null;
            return ($"Use {clear}()", call, SyntaxFactory.ParseExpression($"{word}.{clear}()"));
        }

        /// <summary>The word 'w' when the call is exactly w.Write(w.Read() &amp; ~mask) or w.Write(~mask &amp; w.Read()).</summary>
        private static ExpressionSyntax? Receiver(InvocationExpressionSyntax call)
        {
            if (call.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: GeneratedContract.Write } write) return null;
            if (call.ArgumentList.Arguments.Count != 1 || call.ArgumentList.Arguments[0].Expression is not BinaryExpressionSyntax and
                || !and.IsKind(SyntaxKind.BitwiseAndExpression))
                return null;
            foreach (var side in new[] { and.Left, and.Right })
            {
                if (side is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax read }
                    && read.Name.Identifier.ValueText == GeneratedContract.Read && SyntaxFactory.AreEquivalent(read.Expression, write.Expression))
                    return write.Expression;
            }
            return null;
        }
    }
}
