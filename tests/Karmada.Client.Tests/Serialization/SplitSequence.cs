using System.Buffers;

namespace Karmada.Client.Tests.Serialization;

/// <summary>Bytes as a two-segment sequence, the shape a pipe hands over when a line straddles two reads.</summary>
internal static class SplitSequence
{
    public static ReadOnlySequence<byte> At(byte[] bytes, int splitAt)
    {
        var first = new Segment(bytes.AsMemory(0, splitAt));
        var last = first.Append(bytes.AsMemory(splitAt));
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
