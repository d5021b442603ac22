namespace Jivrus.IncidentBot.Bot.Channels.Slack.SocketMode;

/// <summary>Why a connection stopped being the one to rely on: Slack's <c>disconnect</c> message (with its reason), or the socket was lost.</summary>
internal readonly record struct SocketEnd(bool Lost, string Reason)
{
    public static SocketEnd Dropped { get; } = new(true, "connection lost");

    public static SocketEnd Disconnect(string reason) => new(false, reason);

    /// <summary>Slack is recycling the connection and keeps it open a little longer: open the replacement at once, then let this one go.</summary>
    public bool Refresh => !Lost && Reason is "refresh_requested" or "warning";

    /// <summary>Socket Mode was turned off in the app's settings: no reconnect succeeds until a person turns it back on.</summary>
    public bool LinkDisabled => !Lost && Reason == "link_disabled";
}
