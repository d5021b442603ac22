using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>
/// An EF compiled query, compiled once per model. EF refuses to run a compiled query against another model than the one
/// it was first run with, and each provider (SQLite, PostgreSQL, InMemory) builds its own model, so a process that
/// opens more than one (the tests do) keeps one compiled query per model.
/// </summary>
internal sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _compiled = [];

    public TQuery For(DbContext db) => _compiled.GetValue(db.Model, _ => compile());
}
