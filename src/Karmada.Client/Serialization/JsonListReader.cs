using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Karmada.Client.Serialization;

/// <summary>
/// Reads a list response (<c>{"metadata":{...},"items":[...]}</c>) from a stream item by item: the buffer only ever
/// holds the item being decoded plus what the socket delivered ahead of it, never the whole list and never a second copy.
/// </summary>
internal static class JsonListReader
{
    public static async Task<ListResult<T>> ReadAsync<T>(Stream stream, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var pipe = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
        var state = new ListParser<T>(typeInfo);
        try
        {
            while (true)
            {
                var result = await pipe.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = result.Buffer;
                var consumed = state.Process(buffer, result.IsCompleted);
                if (state.IsDone)
                {
                    pipe.AdvanceTo(consumed);
                    break;
                }

                if (result.IsCompleted)
                {
                    throw new JsonException("The list response ended before its JSON document was complete.");
                }

                pipe.AdvanceTo(consumed, buffer.End);
            }
        }
        finally
        {
            await pipe.CompleteAsync().ConfigureAwait(false);
        }

        return state.ToResult();
    }

    /// <summary>
    /// A resumable parser: each <see cref="Process"/> call decodes every complete top-level property and item in the
    /// buffer and reports how far it got, so the next call resumes from the first incomplete value.
    /// </summary>
    private sealed class ListParser<T>(JsonTypeInfo<T> typeInfo)
    {
        private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 256 };
        private readonly List<T> _items = [];
        private JsonReaderState _state = new(ReaderOptions);
        private Phase _phase = Phase.Start;
        private ListMetadata? _metadata;

        private enum Phase
        {
            Start,
            TopLevel,
            Items,
            Done,
        }

        public bool IsDone => _phase == Phase.Done;

        public ListResult<T> ToResult() =>
            new(_items, _metadata?.ResourceVersion, string.IsNullOrEmpty(_metadata?.Continue) ? null : _metadata.Continue, _metadata?.RemainingItemCount);

        public SequencePosition Process(ReadOnlySequence<byte> buffer, bool isFinalBlock)
        {
            var reader = new Utf8JsonReader(buffer, isFinalBlock, _state);
            while (_phase != Phase.Done)
            {
                // Every step starts from a checkpoint; a step that meets an incomplete value rolls back to it and
                // waits for more data, so values are only ever decoded whole.
                var checkpoint = reader;
                if (!TryStep(ref reader))
                {
                    _state = checkpoint.CurrentState;
                    return checkpoint.Position;
                }
            }

            _state = reader.CurrentState;
            return reader.Position;
        }

        private bool TryStep(ref Utf8JsonReader reader)
        {
            if (!reader.Read())
            {
                return false;
            }

            switch (_phase)
            {
                case Phase.Start:
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw new JsonException($"Expected a list object but found {reader.TokenType}.");
                    }

                    _phase = Phase.TopLevel;
                    return true;

                case Phase.TopLevel:
                    if (reader.TokenType == JsonTokenType.EndObject)
                    {
                        _phase = Phase.Done;
                        return true;
                    }

                    return TryReadTopLevelProperty(ref reader);

                case Phase.Items:
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        _phase = Phase.TopLevel;
                        return true;
                    }

                    if (!IsComplete(reader))
                    {
                        return false;
                    }

                    if (reader.TokenType != JsonTokenType.Null)
                    {
                        _items.Add(JsonSerializer.Deserialize(ref reader, typeInfo)
                            ?? throw new JsonException("A list item decoded to null."));
                    }

                    return true;

                default:
                    throw new InvalidOperationException($"Unexpected parser phase {_phase}.");
            }
        }

        private bool TryReadTopLevelProperty(ref Utf8JsonReader reader)
        {
            var isItems = reader.ValueTextEquals("items"u8);
            var isMetadata = !isItems && reader.ValueTextEquals("metadata"u8);
            if (!reader.Read())
            {
                return false;
            }

            if (isItems && reader.TokenType == JsonTokenType.StartArray)
            {
                _phase = Phase.Items;
                return true;
            }

            if (!IsComplete(reader))
            {
                return false;
            }

            if (isMetadata && reader.TokenType == JsonTokenType.StartObject)
            {
                _metadata = JsonSerializer.Deserialize(ref reader, ClientJsonContext.Default.ListMetadata);
            }
            else
            {
                // IsComplete proved the value is whole; Skip() itself refuses to run on a non-final block.
                reader.TrySkip();
            }

            return true;
        }

        private static bool IsComplete(Utf8JsonReader probe) =>
            probe.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray) || probe.TrySkip();
    }
}
