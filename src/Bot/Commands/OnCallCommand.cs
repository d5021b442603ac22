namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary><c>/oncall [rotation]</c> (also <c>/incident oncall</c>): who is on call now, or one rotation's next turns.</summary>
public sealed record OnCallCommand(string? Rotation = null) : IncidentCommand;

/// <summary><c>/oncall override &lt;rotation&gt; &lt;@person&gt; &lt;duration|until YYYY-MM-DD HH:mm&gt;</c>.</summary>
public sealed record OnCallOverrideCommand(string Rotation, PersonMention Person, TimeSpan? For, DateTime? UntilLocal) : IncidentCommand;

/// <summary><c>/oncall overrides</c>.</summary>
public sealed record OnCallOverridesCommand : IncidentCommand;

/// <summary><c>/oncall cancel &lt;override id&gt;</c>.</summary>
public sealed record OnCallCancelCommand(long OverrideId) : IncidentCommand;
