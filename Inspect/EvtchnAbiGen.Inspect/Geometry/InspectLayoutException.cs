using System;

namespace EvtchnAbiGen.Inspect.Geometry
{
    /// <summary>The specs lack something an inspector needs (a struct, member, constant or word bit), or it
    /// has an unexpected shape. It cannot happen with the built-in specs; it names what is missing.</summary>
    public sealed class InspectLayoutException : Exception
    {
        public InspectLayoutException(string message) : base(message) { }
    }
}
