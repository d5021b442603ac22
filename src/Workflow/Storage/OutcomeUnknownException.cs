namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>
/// The commit of a change failed after it was sent to the database: the change may or may not be saved, so whoever
/// asked for it has to look before trying again. The inner exception is the database's.
/// </summary>
public sealed class OutcomeUnknownException(Exception inner)
    : Exception("The commit failed after it was sent; the change may or may not have been saved.", inner)
{
    /// <summary>Runs the commit, turning its failure into an <see cref="OutcomeUnknownException"/>.</summary>
    public static async Task CommitAsync(Func<CancellationToken, Task> commit, CancellationToken ct)
    {
        try
        {
            await commit(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new OutcomeUnknownException(ex);
        }
    }
}
