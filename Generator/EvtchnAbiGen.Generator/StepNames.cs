namespace EvtchnAbiGen.Generator
{
    /// <summary>Tracking names of the pipeline steps, asserted by the incremental-cache tests.</summary>
    public static class StepNames
    {
        public const string ParseSpec = nameof(ParseSpec);
        public const string LayoutSpecs = nameof(LayoutSpecs);
        public const string CheckFramework = nameof(CheckFramework);
        public const string ReadOptions = nameof(ReadOptions);
        public const string ReadSelection = nameof(ReadSelection);
        public const string EmitSource = nameof(EmitSource);
        public const string CollectDiagnostics = nameof(CollectDiagnostics);
    }
}
