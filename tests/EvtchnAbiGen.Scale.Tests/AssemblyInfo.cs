// The simulator tests start processes that need both cores; running the classes one at a time keeps them
// from starving each other.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
