using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Conversations;
using SalesCoachBot.Intents;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Deals;

/// <summary>What a rep asks of deals: create, move, close, show, edit, reopen, delete, undo.</summary>
public static class DealIntents
{
    public static IServiceCollection AddDealIntents(this IServiceCollection services) => services
        .AddSingleton<NewDealReader>()
        .AddSingleton<DealReaders>()
        .AddScoped<DealCommands>()
        .AddScoped<DealViews>()
        .AddIntent(new IntentRegistration<NewDealIntent>(IntentIds.NewDeal)
        {
            Read = (sp, text) => sp.GetRequiredService<NewDealReader>().Read(text.Message, text.Context),
            Act = (sp, turn, intent, ct) => Commands(sp).CreateAsync(turn, intent, ct),
            TitleOf = (_, intent) => intent.Name.Length > 0 ? $"New deal {intent.Name}" : null,
        })
        .AddIntent(new IntentRegistration<MoveDealIntent>(IntentIds.Move)
        {
            Read = (sp, text) => text.Exact is null ? Readers(sp).Move(text, closedAs: null) : Readers(sp).ExactMove(text),
            When = intent => intent.Outcome is null,
            Act = Move,
            TitleOf = (_, intent) => intent switch
            {
                { DealQuery.Length: 0 } or { StageText.Length: 0 } => null,
                { StageText: MoveDealIntent.NextStage or MoveDealIntent.PreviousStage } => $"Move {intent.DealQuery} to the {intent.StageText} stage",
                _ => $"Move {intent.DealQuery} to {intent.StageText}",
            },
            Deal = NamesDealAndStage,
        })
        .AddIntent(Close(IntentIds.Won, DealStage.Won))
        .AddIntent(Close(IntentIds.Lost, DealStage.Lost))
        .AddIntent(new IntentRegistration<ShowDealIntent>(IntentIds.ShowDeal)
        {
            // In its exact shape ("show initech") only one of the rep's own deals is read; other words are left to the model.
            Read = (_, text) => text.Exact is null ? new ShowDealIntent(DealReaders.Named(text)) : text.Deal is { } deal ? new ShowDealIntent(deal) : null,
            Act = (sp, turn, intent, ct) => sp.GetRequiredService<DealViews>().ShowAsync(turn, intent.DealQuery, ct),
            Risk = IntentRisk.LookUp,
            TitleOf = (_, intent) => intent.DealQuery is { } deal ? $"Show {deal}" : null,
            Deal = intent => intent.DealQuery is not null,
        })
        .AddIntent(new IntentRegistration<ListDealsIntent>(IntentIds.ListDeals)
        {
            Read = (_, _) => new ListDealsIntent(),
            Act = (sp, turn, _, ct) => Commands(sp).ListAsync(turn, ct),
            Risk = IntentRisk.LookUp,
        })
        .AddIntent(new IntentRegistration<StalledDealsIntent>(IntentIds.Stalled)
        {
            Read = (_, _) => new StalledDealsIntent(),
            Act = (sp, turn, _, ct) => sp.GetRequiredService<DealViews>().StalledAsync(turn, ct),
            Risk = IntentRisk.LookUp,
        })
        .AddIntent(new IntentRegistration<OverdueIntent>(IntentIds.Overdue)
        {
            Read = (_, _) => new OverdueIntent(),
            Act = (sp, turn, _, ct) => sp.GetRequiredService<DealViews>().OverdueAsync(turn, ct),
            Risk = IntentRisk.LookUp,
        })
        .AddIntent(new IntentRegistration<EditDealIntent>(IntentIds.EditDeal)
        {
            Read = (sp, text) => Readers(sp).Edit(text),
            Act = (sp, turn, intent, ct) => Commands(sp).EditAsync(turn, intent, ct),
            TitleOf = (_, intent) => intent.DealQuery is { } deal ? $"Edit {deal}" : null,
            Deal = intent => intent.DealQuery is not null,
        })
        .AddIntent(new IntentRegistration<ReopenDealIntent>(IntentIds.Reopen)
        {
            Read = (_, text) => new ReopenDealIntent(DealReaders.Named(text)),
            Act = (sp, turn, intent, ct) => Commands(sp).ReopenAsync(turn, intent.DealQuery, ct),
            Risk = IntentRisk.Closes,
        })
        .AddIntent(new IntentRegistration<DeleteDealIntent>(IntentIds.DeleteDeal)
        {
            Read = (_, text) => new DeleteDealIntent(DealReaders.Named(text)),
            Act = (sp, turn, intent, ct) => Commands(sp).DeleteAsync(turn, intent.DealQuery, ct),
            Risk = IntentRisk.Closes,
        })
        .AddIntent(new IntentRegistration<UndoIntent>(IntentIds.Undo)
        {
            Read = (_, _) => new UndoIntent(),
            Act = (sp, turn, _, ct) => Commands(sp).UndoAsync(turn, ct),
        });

    private static IntentRegistration<MoveDealIntent> Close(string label, DealStage outcome) => new(label)
    {
        Read = (sp, text) => Readers(sp).Move(text, outcome),
        When = intent => intent.Outcome == outcome,
        Act = Move,
        Risk = IntentRisk.Closes,
        TitleOf = (_, intent) => intent.DealQuery.Length > 0 ? $"Mark {intent.DealQuery} {outcome.DisplayName().ToLowerInvariant()}" : null,
        Deal = NamesDealAndStage,
    };

    private static Task<Replies.Reply> Move(IServiceProvider services, RepTurn turn, MoveDealIntent intent, CancellationToken cancellationToken) =>
        Commands(services).MoveAsync(turn, intent, cancellationToken);

    private static bool NamesDealAndStage(MoveDealIntent intent) => intent.DealQuery.Length > 0 && intent.StageText.Length > 0;

    private static DealReaders Readers(IServiceProvider services) => services.GetRequiredService<DealReaders>();

    private static DealCommands Commands(IServiceProvider services) => services.GetRequiredService<DealCommands>();
}
