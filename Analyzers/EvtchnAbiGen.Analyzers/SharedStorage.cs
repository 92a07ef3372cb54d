using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace EvtchnAbiGen.Analyzers
{
    /// <summary>Where a value lives: through a ref, a pointer or a ref return it may be a mapped shared page;
    /// a plain local, a by-value parameter or a managed array element is a private copy.</summary>
    internal static class SharedStorage
    {
        /// <summary>True when <paramref name="op"/> names storage that may be shared memory.</summary>
        public static bool MayBeShared(IOperation? op)
        {
            while (true)
            {
                switch (op)
                {
                    case IConversionOperation c:
                        op = c.Operand;
                        continue;
                    case IFieldReferenceOperation f when !f.Field.IsStatic:
                        if (f.Instance is IInstanceReferenceOperation own) return own.Type?.IsValueType == true;
                        if (f.Instance?.Type?.IsReferenceType == true) return false; // a field of a managed object
                        op = f.Instance;
                        continue;
                    case IInlineArrayAccessOperation ia:
                        op = ia.Instance;
                        continue;
                    case ILocalReferenceOperation l:
                        return l.Local.RefKind != RefKind.None;
                    case IParameterReferenceOperation p:
                        return p.Parameter.RefKind != RefKind.None;
                    case IInvocationOperation i:
                        return i.TargetMethod.ReturnsByRef || i.TargetMethod.ReturnsByRefReadonly;
                    case IPropertyReferenceOperation pr:
                        return pr.Property.ReturnsByRef || pr.Property.ReturnsByRefReadonly;
                    case IInstanceReferenceOperation self:
                        return self.Type?.IsValueType == true; // 'this' of a struct is a ref
                    case null:
                        return false;
                    default:
                        return IsPointerDereference(op);
                }
            }
        }

        /// <summary>True when the struct is a plain local or by-value parameter (or a part of one): a private
        /// copy. Anything else (ref, pointer, ref return, 'this', a field of a managed object) may be shared.</summary>
        public static bool IsPrivateCopy(IOperation? op)
        {
            while (true)
            {
                switch (op)
                {
                    case IFieldReferenceOperation f when f.Field.Type.IsValueType && f.Instance != null:
                        op = f.Instance;
                        continue;
                    case IInlineArrayAccessOperation ia:
                        op = ia.Instance;
                        continue;
                    case ILocalReferenceOperation l:
                        return l.Local.RefKind == RefKind.None;
                    case IParameterReferenceOperation p:
                        return p.Parameter.RefKind == RefKind.None;
                    default:
                        return false;
                }
            }
        }

        /// <summary>*p, p->x and p[i] have no dedicated IOperation (OperationKind.None); recognise them by
        /// syntax or by a pointer-typed operand.</summary>
        private static bool IsPointerDereference(IOperation op)
            => op.Kind == OperationKind.None
               && (op.Syntax.IsKind(SyntaxKind.PointerIndirectionExpression) || op.Syntax.IsKind(SyntaxKind.PointerMemberAccessExpression)
                   || op.ChildOperations.Any(c => c.Type is IPointerTypeSymbol));
    }
}
