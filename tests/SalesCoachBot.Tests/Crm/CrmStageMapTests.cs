using SalesCoachBot.Crm;
using SalesCoachBot.Deals;

namespace SalesCoachBot.Tests.Crm;

public sealed class CrmStageMapTests
{
    private static readonly IReadOnlyList<CrmStage> HubSpotPipeline =
    [
        new("appointmentscheduled", "Appointment scheduled", 0), new("qualifiedtobuy", "Qualified to buy", 1), new("presentationscheduled", "Presentation scheduled", 2),
        new("decisionmakerboughtin", "Decision maker bought-in", 3), new("contractsent", "Contract sent", 4),
        new("closedwon", "Closed won", 5, IsClosed: true, IsWon: true), new("closedlost", "Closed lost", 6, IsClosed: true),
    ];

    [Theory]
    [InlineData(DealStage.Prospecting, "appointmentscheduled")]
    [InlineData(DealStage.InitialContact, "appointmentscheduled")]
    [InlineData(DealStage.Discovery, "qualifiedtobuy")]
    [InlineData(DealStage.Proposal, "presentationscheduled")]
    [InlineData(DealStage.Negotiation, "decisionmakerboughtin")]
    [InlineData(DealStage.Closing, "contractsent")]
    [InlineData(DealStage.FollowUp, "closedwon")]
    [InlineData(DealStage.Won, "closedwon")]
    [InlineData(DealStage.Lost, "closedlost")]
    public void EveryStageHasAPlaceInHubSpotsDefaultPipeline(DealStage stage, string hubSpotStage) =>
        Assert.Equal(hubSpotStage, new CrmStageMap(CrmStageMap.HubSpotDefaults).ToCrm(stage, HubSpotPipeline));

    [Theory]
    [InlineData("appointmentscheduled", DealStage.InitialContact)]
    [InlineData("qualifiedtobuy", DealStage.Discovery)]
    [InlineData("closedwon", DealStage.Won)]
    [InlineData("Closed Lost", DealStage.Lost)]
    [InlineData("Id. Decision Makers", DealStage.Proposal)]
    public void HubSpotAndSalesforceDefaultStagesReadAsOurs(string crmStage, DealStage stage)
    {
        var map = new CrmStageMap(crmStage.Contains(' ', StringComparison.Ordinal) ? CrmStageMap.SalesforceDefaults : CrmStageMap.HubSpotDefaults);
        Assert.Equal(stage, map.FromCrm(crmStage, []));
    }

    [Fact]
    public void CrmStagesOverridesTheDefaultsBothWays()
    {
        var map = new CrmStageMap(CrmStageMap.HubSpotDefaults, new Dictionary<string, DealStage> { ["followup123"] = DealStage.FollowUp, ["qualifiedtobuy"] = DealStage.InitialContact });
        IReadOnlyList<CrmStage> pipeline = [.. HubSpotPipeline, new("followup123", "Follow-up", 7)];

        Assert.Equal("followup123", map.ToCrm(DealStage.FollowUp, pipeline));
        Assert.Equal(DealStage.FollowUp, map.FromCrm("followup123", pipeline));
        Assert.Equal(DealStage.InitialContact, map.FromCrm("qualifiedtobuy", pipeline));
    }

    [Fact]
    public void AStageOfACustomPipelineReadsByWhatThePipelineSaysOfIt()
    {
        var map = new CrmStageMap(CrmStageMap.HubSpotDefaults);
        IReadOnlyList<CrmStage> custom = [new("s1", "Lead", 0), new("s2", "Demo", 1), new("s3", "Signed", 2, IsClosed: true, IsWon: true), new("s4", "Dead", 3, IsClosed: true)];

        Assert.Equal([DealStage.Prospecting, DealStage.Proposal, DealStage.Won, DealStage.Lost], custom.Select(s => map.FromCrm(s.Id, custom)));
        Assert.Equal("s3", map.ToCrm(DealStage.Won, custom));
    }
}
