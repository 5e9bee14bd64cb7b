using System.Threading;

namespace Grok.Samples.Chat;

/// <summary>
/// The token of the answer being written, cancellable from Ctrl+C's handler thread. A lock keeps the handler from
/// touching a token source that the main loop is disposing.
/// </summary>
internal sealed class AnswerCancellation
{
    private readonly Lock _gate = new();
    private CancellationTokenSource? _current;

    /// <summary>Starts an answer and returns its token.</summary>
    public CancellationToken Begin()
    {
        lock (_gate)
        {
            _current = new CancellationTokenSource();
            return _current.Token;
        }
    }

    /// <summary>Ends the answer; a later Ctrl+C ends the program as usual.</summary>
    public void End()
    {
        lock (_gate)
        {
            _current?.Dispose();
            _current = null;
        }
    }

    /// <summary>Cancels the answer being written; false when there is none (Ctrl+C then ends the program).</summary>
    public bool TryCancel()
    {
        lock (_gate)
        {
            if (_current is not { IsCancellationRequested: false } answer)
            {
                return false;
            }

            answer.Cancel();
            return true;
        }
    }
}
