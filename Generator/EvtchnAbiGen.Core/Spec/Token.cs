namespace EvtchnAbiGen.Core.Spec
{
    public enum TokenKind { Identifier, Integer, Punct, DocComment, EndOfFile, Bad, String }

    public readonly struct Token
    {
        public Token(TokenKind kind, string text, long value, int start, int length, int line, int column)
        {
            Kind = kind; Text = text; Value = value; Start = start; Length = length; Line = line; Column = column;
        }

        public TokenKind Kind { get; }
        public string Text { get; }
        public long Value { get; }
        public int Start { get; }
        public int Length { get; }
        public int Line { get; }
        public int Column { get; }

        public bool Is(string punctOrKeyword)
            => (Kind == TokenKind.Punct || Kind == TokenKind.Identifier) && Text == punctOrKeyword;

        public override string ToString() => Kind switch
        {
            TokenKind.EndOfFile => "end of file",
            TokenKind.Integer => $"number '{Text}'",
            TokenKind.Identifier => $"'{Text}'",
            TokenKind.String => $"string \"{Text}\"",
            _ => $"'{Text}'",
        };
    }
}
