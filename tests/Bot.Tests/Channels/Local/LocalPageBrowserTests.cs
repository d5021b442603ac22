using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Local;

/// <summary>
/// The local page in headless Chromium against the real host on a socket. Nothing is flushed by hand: the
/// host's own outbox loop carries the posts to the page, as in <c>dotnet run</c>.
/// </summary>
public sealed class LocalPageBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private LocalKestrelHost? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.Executable))
            return;
        SetDefaultExpectTimeout(15_000);
        _server = LocalKestrelHost.Start();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.Executable,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_server is not null)
            await _server.DisposeAsync();
    }

    [ChromiumFact]
    public async Task ReportThenAcknowledgeByButton_ChangesTheCardToAcknowledged()
    {
        var page = await OpenAsAnaAsync();
        await SendAsync(page, "/incident report DB down sev1 impact: checkout fails");
        await Expect(page.Locator(".entry.reply").Last).ToContainTextAsync("INC-1");
        var announced = page.Locator("li.post[data-conversation='#incidents'] .card[data-incident='1']");
        await Expect(State(announced)).ToHaveTextAsync("reported");

        await announced.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Expect(page.Locator(".entry.reply").Last).ToContainTextAsync("acknowledged");

        await Expect(State(announced)).ToHaveTextAsync("acknowledged");
        await Expect(announced.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" })).ToHaveCountAsync(0);
    }

    [ChromiumFact]
    public async Task ReportForm_ShowsARefusalUnderItsFieldThenFilesTheIncident()
    {
        var page = await OpenAsAnaAsync();
        await SendAsync(page, "/incident report");
        var form = page.Locator("form[data-form='report']");
        await Expect(form).ToHaveCountAsync(1);
        (await form.Locator("[data-field]").EvaluateAllAsync<string[]>("fields => fields.map(f => f.dataset.field)"))
            .Should().Equal("title", "severity", "impact", "description", "private");

        await page.Locator("#form-title").FillAsync("sev1");
        await form.GetByRole(AriaRole.Button, new() { Name = "Report incident" }).ClickAsync();
        await Expect(page.Locator("#form-title-error")).ToHaveTextAsync("An incident needs a title: /incident report <title> [sev1..sev4] [impact: <text>].");
        await page.Locator("#form-title").FillAsync("DB down");
        await page.Locator("#form-severity").SelectOptionAsync("sev1");
        await page.Locator("#form-impact").FillAsync("Checkout fails");
        await form.GetByRole(AriaRole.Button, new() { Name = "Report incident" }).ClickAsync();

        await Expect(form).ToHaveCountAsync(0);
        await Expect(page.Locator(".entry.reply").Last.Locator(".card h3")).ToHaveTextAsync("INC-1 · DB down");
    }

    private async Task<IPage> OpenAsAnaAsync()
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { BaseURL = _server!.Address.ToString() });
        // A failure then shows what the page itself complained about.
        page.Console += (_, message) => output.WriteLine($"console {message.Type}: {message.Text}");
        page.PageError += (_, error) => output.WriteLine($"page error: {error}");
        await page.GotoAsync("/");
        await Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Live");
        await page.GetByLabel("Speak as").SelectOptionAsync("ana");
        return page;
    }

    private static async Task SendAsync(IPage page, string line)
    {
        await page.GetByLabel("Command").FillAsync(line);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
    }

    private static ILocator State(ILocator card) => card.Locator("dt:text-is('State') + dd");
}
