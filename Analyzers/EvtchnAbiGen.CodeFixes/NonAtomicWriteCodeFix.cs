using System.Composition;
using System.Threading;
using EvtchnAbiGen.Analyzers;
using EvtchnAbiGen.Core.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EvtchnAbiGen.CodeFixes
{
    /// <summary>EAG1001: 'bitmap[i] |= 1UL &lt;&lt; b' becomes 'bitmap.SetBit(i * W + b)', and
    /// 'bitmap[i] &amp;= ~(1UL &lt;&lt; b)' becomes 'bitmap.ClearBit(i * W + b)' (W = the bitmap's BitsPerWord, which the
    /// analyzer passes along).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NonAtomicWriteCodeFix)), Shared]
    public sealed class NonAtomicWriteCodeFix : ReplaceNodeCodeFix<AssignmentExpressionSyntax>
    {
        protected override string DiagnosticId => DiagnosticIds.NonAtomicWrite;

        protected override (string Title, SyntaxNode Old, SyntaxNode New)? Fix(Diagnostic d, AssignmentExpressionSyntax a, SemanticModel model, CancellationToken ct)
        {
            if (!d.Properties.TryGetValue(NonAtomicWriteAnalyzer.OperationProperty, out var op) || op == null) return null;
            if (!d.Properties.TryGetValue(NonAtomicWriteAnalyzer.BitsPerWordProperty, out var bits) || !int.TryParse(bits, out int w)) return null;
            if (a.Left is not ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } element || Shift(a.Right) is not { } bit) return null;
            string index = Simple(element.ArgumentList.Arguments[0].Expression);
            return ($"Use {op}", a, SyntaxFactory.ParseExpression($"{element.Expression}.{op}({index} * {w} + {Simple(bit)})"));
        }

        /// <summary>The 'b' of '1 &lt;&lt; b' or '~(1 &lt;&lt; b)'.</summary>
        private static ExpressionSyntax? Shift(ExpressionSyntax right)
        {
            right = Unwrap(right);
            if (right is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.BitwiseNotExpression } not) right = Unwrap(not.Operand);
            return right is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LeftShiftExpression } s ? s.Right : null;
        }

        private static ExpressionSyntax Unwrap(ExpressionSyntax e)
        {
            while (e is ParenthesizedExpressionSyntax p) e = p.Expression;
            return e;
        }

        private static string Simple(ExpressionSyntax e)
            => e is IdentifierNameSyntax or LiteralExpressionSyntax or ParenthesizedExpressionSyntax or MemberAccessExpressionSyntax
                ? e.ToString() : "(" + e + ")";
    }
}
