using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Outbox;
using SalesCoachBot.Persistence;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Channels.Teams;

/// <summary>An answer the Bot Connector does not take during the turn is not dropped: the outbox delivers it later.</summary>
public sealed class TeamsUndeliveredAnswerTests : TeamsHostTest
{
    [Fact]
    public async Task AnAnswerTheConnectorRefusesWithHttp500IsDeliveredByTheOutbox()
    {
        Connector.FailNext(500);

        var response = await Factory.CreateClient().PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(Connector.ServiceUrl, "new deal Acme Corp $45,000"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Connector.Sent);
        await using (var scope = Factory.Services.CreateAsyncScope())
            Assert.Equal(MessageKind.Reply, (await scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>().Outbox.SingleAsync()).Kind);
        Assert.Equal(1, await Factory.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None));
        var sent = Assert.Single(Connector.Sent);
        Assert.Contains("New deal: Acme Corp", sent.Visible);
        Assert.Equal(TeamsActivities.PersonalConversationId, sent.ConversationId);
    }
}
