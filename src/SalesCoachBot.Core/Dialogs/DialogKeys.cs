namespace SalesCoachBot.Dialogs;

/// <summary>The names a dialog's values are kept under between turns (stored in the conversation's memory: renaming one drops open answers).</summary>
public static class DialogKeys
{
    public const string Account = "account";
    public const string Amount = "amount";
    public const string Close = "close";
    public const string Confirmed = "confirmed";
    public const string CreateDeal = "createDeal";
    public const string DealId = "dealId";
    public const string DealName = "dealName";
    public const string DealQuery = "dealQuery";
    public const string Delete = "delete";
    public const string Edit = "edit";
    public const string Field = "field";
    public const string Intro = "intro";
    public const string Kind = "kind";
    public const string Name = "name";
    public const string NextDue = "nextDue";
    public const string NextHasTime = "nextHasTime";
    public const string NextStep = "nextStep";
    public const string Outcome = "outcome";
    public const string Reason = "reason";
    public const string Stage = "stage";
    public const string StageChangeId = "stageChangeId";
    public const string Summary = "summary";
    public const string When = "when";
    public const string WhenHasTime = "whenHasTime";
}
