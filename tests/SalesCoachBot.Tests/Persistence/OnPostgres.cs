using SalesCoachBot.Tests.Conversations;
using SalesCoachBot.Tests.Infrastructure;
using SalesCoachBot.Tests.Outbox;
using SalesCoachBot.Tests.Pipeline;
using SalesCoachBot.Tests.Reps;
using SalesCoachBot.Tests.Scheduling;

namespace SalesCoachBot.Tests.Persistence;

// The behaviour suites again, on PostgreSQL: the same tests, the other store.
public sealed class DealConversationTestsOnPostgres : DealConversationTests, IOnPostgres;
public sealed class LogInteractionDialogTestsOnPostgres : LogInteractionDialogTests, IOnPostgres;
public sealed class NewDealDialogTestsOnPostgres : NewDealDialogTests, IOnPostgres;
public sealed class StageMoveDialogTestsOnPostgres : StageMoveDialogTests, IOnPostgres;
public sealed class DealViewAndEditTestsOnPostgres : DealViewAndEditTests, IOnPostgres;
public sealed class PipelineCommandsTestsOnPostgres : PipelineCommandsTests, IOnPostgres;
public sealed class OutboxRobustnessTestsOnPostgres : OutboxRobustnessTests, IOnPostgres;
public sealed class NudgeTestsOnPostgres : NudgeTests, IOnPostgres;
public sealed class StallSweepTestsOnPostgres : StallSweepTests, IOnPostgres;
public sealed class ReminderTestsOnPostgres : ReminderTests, IOnPostgres;
public sealed class ConversationMemoryStoreTestsOnPostgres : ConversationMemoryStoreTests, IOnPostgres;
public sealed class MigrationTestsOnPostgres : MigrationTests, IOnPostgres;
public sealed class FirstContactTestsOnPostgres : FirstContactTests, IOnPostgres;
public sealed class CurrentNextStepTestsOnPostgres : CurrentNextStepTests, IOnPostgres;
public sealed class LastActivityChangeTestsOnPostgres : LastActivityChangeTests, IOnPostgres;
public sealed class EscalationTestsOnPostgres : SalesCoachBot.Tests.Escalations.EscalationTests, IOnPostgres;
public sealed class WinWireTestsOnPostgres : SalesCoachBot.Tests.Wins.WinWireTests, IOnPostgres;
public sealed class AfterSaleTestsOnPostgres : SalesCoachBot.Tests.Wins.AfterSaleTests, IOnPostgres;
