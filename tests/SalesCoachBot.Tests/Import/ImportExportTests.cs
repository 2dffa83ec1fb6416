using System.Text;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Cli;
using SalesCoachBot.Deals;
using SalesCoachBot.Import;
using SalesCoachBot.Tests.Infrastructure;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Tests.Import;

public sealed class ImportExportTests : BotTest
{
    private const string Mapping = """
        {
          // a CRM's own column names
          "columns": { "id": "opportunity_id", "name": "account", "account": "account", "owner": "sales_agent", "stage": "deal_stage",
                       "created": "engage_date", "closed": "close_date", "amount": "close_value", "currency": "currency" },
          "stages": { "Engaging": "Discovery" },
          "defaultCurrency": "USD"
        }
        """;

    private string Folder => Path.GetDirectoryName(Bot.Database().Database.GetConnectionString()!.Split(';')[0]["Data Source=".Length..])!;

    private async Task<(int ExitCode, string Output)> ImportAsync(string csv, params string[] options)
    {
        var file = Path.Combine(Folder, $"export-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, csv, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        var mapping = Path.Combine(Folder, "mapping.json");
        await File.WriteAllTextAsync(mapping, Mapping);
        var output = new StringWriter();
        var connectionString = Bot.Database().Database.GetConnectionString()!;
        var exitCode = await ImportCommand.RunAsync([file, "--mapping", mapping, .. options], output, b => b.Configuration["ConnectionStrings:SalesCoach"] = connectionString);
        return (exitCode, output.ToString());
    }

    private const string Header = "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value,currency\n";

    [Fact]
    public async Task AMappedExportBecomesDealsWithOwnersStagesAndHistory()
    {
        var (exitCode, output) = await ImportAsync(Header +
            "A1,Moses Frase,GTX,Cancity,Won,2026-01-05,2026-02-01,1054,\n" +
            "A2,alice@example.com,MG,\"Acme, Inc.\",Engaging,2026-02-10,,,\n" +
            "A3,Moses Frase,GTX,\"The \"\"Big\"\" One\nBranch\",Lost,2026-01-01,2026-01-20,\"2,500.50\",EUR\r\n");

        Assert.Equal(0, exitCode);
        Assert.Contains("Imported 3 deals (3 new, 0 updated), 2 new reps; 0 rows skipped.", output);
        await using var db = Bot.Database();
        var deals = await db.Deals.Include(d => d.Owner).Include(d => d.StageHistory).OrderBy(d => d.ExternalId).ToListAsync();
        Assert.Equal(["Cancity", "Acme, Inc.", "The \"Big\" One\nBranch"], deals.Select(d => d.Name));
        Assert.Equal([DealStage.Won, DealStage.Discovery, DealStage.Lost], deals.Select(d => d.Stage));
        Assert.Equal((1054m, "USD"), (deals[0].Amount!.Value, deals[0].Currency!));
        Assert.Equal((2500.50m, "EUR"), (deals[2].Amount!.Value, deals[2].Currency!));
        Assert.Null(deals[1].Amount);
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), deals[0].ClosedAt);
        Assert.Equal([DealStage.Prospecting, DealStage.Won], deals[0].StageHistory.OrderBy(c => c.Id).Select(c => c.To));
        Assert.Equal(("Moses Frase", (string?)null), (deals[0].Owner!.DisplayName, deals[0].Owner!.Email));
        Assert.Equal("alice@example.com", deals[1].Owner!.Email);
    }

    [Fact]
    public async Task ThePublicCrmSampleImportsEveryRowNamingDealsWithoutAnAccountByTheirId()
    {
        var data = Path.Combine(AppContext.BaseDirectory, "Import", "Data");
        var connectionString = Bot.Database().Database.GetConnectionString()!;
        var output = new StringWriter();

        var exitCode = await ImportCommand.RunAsync([Path.Combine(data, "sales_pipeline.csv"), "--mapping", Path.Combine(data, "sales_pipeline.mapping.json")], output,
            b => b.Configuration["ConnectionStrings:SalesCoach"] = connectionString);

        Assert.Equal(0, exitCode);
        Assert.Contains("Imported 8800 deals (8800 new, 0 updated), 30 new reps; 0 rows skipped.", output.ToString());
        await using var db = Bot.Database();
        Assert.Equal(8_800, await db.Deals.CountAsync());
        Assert.Equal(2_089, await db.Deals.CountAsync(d => d.Stage != DealStage.Won && d.Stage != DealStage.Lost));
        var unnamed = await db.Deals.SingleAsync(d => d.ExternalId == "HAXMC4IX"); // Engaging, no account
        Assert.Equal(("HAXMC4IX", DealStage.Discovery), (unnamed.Name, unnamed.Stage));
        Assert.Equal("Cancity", (await db.Deals.SingleAsync(d => d.ExternalId == "1C1I7A6R")).Name);
    }

    [Fact]
    public async Task ADealWithoutAnAccountIsImportedWithItsAccountLeftEmpty()
    {
        var file = Path.Combine(Folder, "deals.csv");
        await File.WriteAllTextAsync(file, "opportunity_id,account,owner,stage\nHAXMC4IX,,Moses Frase,Discovery\n");
        var mapping = Path.Combine(Folder, "id-mapping.json");
        await File.WriteAllTextAsync(mapping, """{ "columns": { "id": "opportunity_id", "name": ["account", "opportunity_id"], "account": "account" } }""");
        var connectionString = Bot.Database().Database.GetConnectionString()!;

        var exitCode = await ImportCommand.RunAsync([file, "--mapping", mapping], new StringWriter(), b => b.Configuration["ConnectionStrings:SalesCoach"] = connectionString);

        Assert.Equal(0, exitCode);
        await using var db = Bot.Database();
        var deal = await db.Deals.SingleAsync();
        Assert.Equal(("HAXMC4IX", ""), (deal.Name, deal.Account));
    }

    [Fact]
    public async Task AMappingColumnThatIsNotInTheFileIsNamedEvenInAList()
    {
        var file = Path.Combine(Folder, "deals.csv");
        await File.WriteAllTextAsync(file, "id,name,owner,stage\nA1,Acme,Moses Frase,Won\n");
        var mapping = Path.Combine(Folder, "list-mapping.json");
        await File.WriteAllTextAsync(mapping, """{ "columns": { "name": ["account", "name"] } }""");
        var output = new StringWriter();
        var connectionString = Bot.Database().Database.GetConnectionString()!;

        var exitCode = await ImportCommand.RunAsync([file, "--mapping", mapping], output, b => b.Configuration["ConnectionStrings:SalesCoach"] = connectionString);

        Assert.Equal(1, exitCode);
        Assert.Contains("line 1: no column 'account'", output.ToString());
    }

    [Fact]
    public async Task OneBadRowStopsTheWholeImportAndEveryProblemIsListedWithItsLine()
    {
        var (exitCode, output) = await ImportAsync(Header +
            "B1,Moses Frase,GTX,Cancity,Won,2026-01-05,2026-02-01,1054,\n" +
            "B2,Moses Frase,GTX,Betasoloin,Shortlisted,2026-01-05,,,\n" +
            "B3,,GTX,Isdom,Won,2026-01-05,,abc,\n" +
            "B1,Moses Frase,GTX,Cancity,Won,yesterday,2026-02-01,10,\n");

        Assert.Equal(1, exitCode);
        Assert.Contains("line 3: unknown stage 'Shortlisted' (map it under \"stages\")", output);
        Assert.Contains("line 4: no owner; a Won deal needs a closed date; amount 'abc' is not a number like 45000 or 45,000.50", output);
        Assert.Contains("line 5: deal id 'B1' appears twice; created date 'yesterday' is not a date like 2026-03-31", output);
        await using var db = Bot.Database();
        Assert.Empty(db.Deals);
    }

    [Fact]
    public async Task SkipInvalidWritesTheGoodRowsAndListsTheRest()
    {
        var (exitCode, output) = await ImportAsync(Header +
            "C1,Moses Frase,GTX,Cancity,Won,2026-01-05,2026-02-01,1054,\n" +
            "C2,Moses Frase,GTX,Betasoloin,Shortlisted,2026-01-05,,,\n", "--skip-invalid");

        Assert.Equal(0, exitCode);
        Assert.Contains("line 3: unknown stage 'Shortlisted'", output);
        Assert.Contains("Imported 1 deals (1 new, 0 updated), 1 new reps; 1 rows skipped.", output);
    }

    [Fact]
    public async Task ImportingTheSameFileTwiceUpdatesInsteadOfDuplicating()
    {
        var csv = Header + "D1,Moses Frase,GTX,Cancity,Engaging,2026-01-05,,,\n";
        await ImportAsync(csv);
        var (exitCode, output) = await ImportAsync(csv.Replace("Engaging,2026-01-05,,,", "Won,2026-01-05,2026-03-01,900,"));

        Assert.Equal(0, exitCode);
        Assert.Contains("(0 new, 1 updated), 0 new reps", output);
        await using var db = Bot.Database();
        var deal = await db.Deals.Include(d => d.StageHistory).SingleAsync();
        Assert.Equal((DealStage.Won, 900m), (deal.Stage, deal.Amount!.Value));
        Assert.Single(db.Reps);
    }

    [Fact]
    public async Task AReImportMovesTheDealNowAndKeepsActivityLoggedHere()
    {
        await Bot.Flow().Send("hi").AssertReply(ReplyAssert.Contains("SalesCoachBot")).StartTestAsync();
        await ImportAsync(Header + "E1,user1,GTX,Cancity,Engaging,2026-01-05,,,\n"); // the chat rep, found by name
        await Bot.Flow()
            .Send("called cancity today").AssertReply(ReplyAssert.Contains("Log this call?"))
            .Send("confirm").AssertReply(ReplyAssert.Contains("Logged"))
            .StartTestAsync();
        var (exitCode, _) = await ImportAsync(Header + "E1,user1,GTX,Cancity,Proposal,2026-01-05,2026-06-30,,\n");

        Assert.Equal(0, exitCode);
        await using var db = Bot.Database();
        var deal = await db.Deals.Include(d => d.StageHistory).SingleAsync();
        Assert.Equal(DealStage.Proposal, deal.Stage);
        var history = deal.StageHistory.OrderBy(c => c.Id).Select(c => c.At).ToList();
        Assert.Equal(history.Order(), history);                     // the move is dated when it was imported, after its history
        Assert.True(deal.LastActivityAt >= BotHarness.Start);        // the call logged here is not forgotten (not back to January)
        Assert.NotEqual(new DateTimeOffset(2026, 6, 30, 0, 0, 0, TimeSpan.Zero), deal.LastActivityAt); // an open deal's close date is no activity
    }

    [Fact]
    public async Task ADealDeletedInChatThatTheCrmStillHasComesBackOnReImport()
    {
        await Bot.Flow().Send("hi").AssertReply(ReplyAssert.Contains("SalesCoachBot")).StartTestAsync();
        var csv = Header + "G1,user1,GTX,Cancity,Engaging,2026-01-05,,,\n";
        await ImportAsync(csv);
        await Bot.Flow()
            .Send("delete cancity").AssertReply(ReplyAssert.Contains("Delete Cancity"))
            .Send("yes").AssertReply(ReplyAssert.Contains("Deleted Cancity"))
            .StartTestAsync();
        var (exitCode, output) = await ImportAsync(csv);

        Assert.Equal(0, exitCode);
        Assert.Contains("(0 new, 1 updated)", output);
        await using var db = Bot.Database();
        Assert.Equal("Cancity", (await db.Deals.SingleAsync()).Name);
    }

    [Theory]
    [InlineData("1.234,56")]
    [InlineData("12,5")]
    public async Task AnAmountWithADecimalCommaIsReportedNotMisread(string amount)
    {
        var (exitCode, output) = await ImportAsync(Header + $"F1,Moses Frase,GTX,Cancity,Won,2026-01-05,2026-02-01,\"{amount}\",EUR\n");

        Assert.Equal(1, exitCode);
        Assert.Contains($"amount '{amount}' is ambiguous", output);
    }

    [Fact]
    public async Task AnExportWithoutTheMappedColumnsIsRefusedNamingThem()
    {
        var (exitCode, output) = await ImportAsync("id,name\n1,Acme\n");

        Assert.Equal(1, exitCode);
        Assert.Contains("line 1: no column 'opportunity_id', 'account', 'sales_agent', 'deal_stage'", output);
    }

    [Fact]
    public void TheCsvReaderHandlesQuotesLineBreaksAndAByteOrderMarkCountingLinesAsASpreadsheetShowsThem()
    {
        var (rows, problems) = CsvDealReader.Read(new StringReader(
            "\uFEFFid,name,owner,stage\r\nA1,\"Acme, Inc.\",Moses Frase,Discovery\r\nA2,\"Two\nLines\",Moses Frase,Discovery\n\n\"say \"\"hi\"\"\",Globex,,Discovery\n"),
            new ImportMapping(), new StageFinder(TestContent.Shipped));

        Assert.Equal([(2, "A1", "Acme, Inc."), (3, "A2", "Two\nLines")], rows.Select(r => (r.Line, r.ExternalId, r.Name)));
        Assert.Equal("line 6: no owner", Assert.Single(problems).ToString());
    }

    [Fact]
    public async Task ABadRowAfterAQuotedFieldWithLineBreaksIsReportedAtItsSpreadsheetLine()
    {
        var (exitCode, output) = await ImportAsync(Header +
            "H1,Moses Frase,GTX,\"Cancity\nNorth\nBranch\",Won,2026-01-05,2026-02-01,1054,\n" +
            "H2,Moses Frase,GTX,Betasoloin,Shortlisted,2026-01-05,,,\n");

        Assert.Equal(1, exitCode);
        Assert.Contains("line 5: unknown stage 'Shortlisted'", output);
    }

    [Fact]
    public async Task AStageByAnotherNameFromStagesYamlIsReadInAnImportAsInChat()
    {
        var (exitCode, _) = await ImportAsync(Header + "S1,Moses Frase,GTX,Cancity,Intro call,2026-01-05,,,\n");
        await Bot.Flow()
            .Send("new deal Acme Corp $45,000").AssertReply(ReplyAssert.Contains("New deal: Acme Corp"))
            .Send("move Acme Corp to intro call").AssertReply(ReplyAssert.Contains("Acme Corp"))
            .StartTestAsync();

        Assert.Equal(0, exitCode);
        await using var db = Bot.Database();
        Assert.Equal([("Acme Corp", DealStage.InitialContact), ("Cancity", DealStage.InitialContact)],
            await db.Deals.OrderBy(d => d.Name).Select(d => ValueTuple.Create(d.Name, d.Stage)).ToListAsync());
    }

    [Fact]
    public async Task AnAmountWithARupeeSignIsReadAsChatReadsIt()
    {
        var (exitCode, _) = await ImportAsync(Header + "R1,Moses Frase,GTX,Cancity,Won,2026-01-05,2026-02-01,\"₹2,500\",INR\n");

        Assert.Equal(0, exitCode);
        await using var db = Bot.Database();
        Assert.Equal(new AmountRecognizer("INR").ReadAnswer("₹2,500"), Assert.Single(db.Deals).Value);
        Assert.Equal(new Money(2_500, "INR"), Assert.Single(db.Deals).Value);
    }

    [Theory]
    [InlineData("1e309", "amount '1e309' is in exponent notation")]
    [InlineData("1e5", "amount '1e5' is in exponent notation")]
    [InlineData("12345678901234567890", "amount '12345678901234567890' is too large")]
    [InlineData("2000000000000000", "amount '2000000000000000' is too large")]
    public async Task AnAmountThatIsNotAPlainDecimalIsRefusedNotMisread(string amount, string problem)
    {
        var (exitCode, output) = await ImportAsync(Header + "K0,Moses Frase,GTX,Isdom,Won,2026-01-05,2026-02-01,10,\n" + $"K1,Moses Frase,GTX,Cancity,Won,2026-01-05,2026-02-01,{amount},\n");

        Assert.Equal(1, exitCode);
        Assert.Contains($"line 3: {problem}", output);
        await using var db = Bot.Database();
        Assert.Empty(db.Deals);
    }

    [Fact]
    public async Task AClosedDealThatClosedBeforeItWasCreatedIsRefused()
    {
        var (exitCode, output) = await ImportAsync(Header + "L1,Moses Frase,GTX,Cancity,Lost,2026-03-05,2026-02-01,,\n");

        Assert.Equal(1, exitCode);
        Assert.Contains("line 2: a Lost deal closed (2026-02-01) before it was created (2026-03-05)", output);
    }

    [Fact]
    public async Task ANameOverTwoHundredCharactersIsRefused()
    {
        var (exitCode, output) = await ImportAsync(Header + $"M1,Moses Frase,GTX,{new string('a', 201)},Won,2026-01-05,2026-02-01,,\n");

        Assert.Equal(1, exitCode);
        Assert.Contains("line 2: name is 201 characters long; at most 200; account is 201 characters long; at most 200", output);
    }

    [Fact]
    public async Task AControlCharacterInAFieldIsRefused()
    {
        var (exitCode, output) = await ImportAsync(Header + "N1,Moses Frase,GTX,Can\0city,Won,2026-01-05,2026-02-01,,\n");

        Assert.Equal(1, exitCode);
        Assert.Contains("line 2: column 'account' holds a control character", output);
        await using var db = Bot.Database();
        Assert.Empty(db.Deals);
    }

    [Fact]
    public async Task AnUnclosedQuoteIsReportedWhereItStarts()
    {
        var (exitCode, output) = await ImportAsync(Header +
            "P1,Moses Frase,GTX,Cancity,Won,2026-01-05,2026-02-01,,\n" +
            "P2,Moses Frase,GTX,\"Isdom,Won,2026-01-05,2026-02-01,,\n" +
            "P3,Moses Frase,GTX,Betasoloin,Won,2026-01-05,2026-02-01,,\n");

        Assert.Equal(1, exitCode);
        Assert.Contains("line 3: unclosed quote starting at line 3", output);
        Assert.DoesNotContain("no owner", output);
        await using var db = Bot.Database();
        Assert.Empty(db.Deals);
    }

    [Fact]
    public async Task AFileThatIsNotUtf8IsReportedAndReadWithTheEncodingGiven()
    {
        var file = Path.Combine(Folder, "latin1.csv");
        await File.WriteAllBytesAsync(file, Encoding.Latin1.GetBytes(Header + "Q1,Moses Frase,GTX,Café Müller,Won,2026-01-05,2026-02-01,,\n"));
        var mapping = Path.Combine(Folder, "mapping.json");
        await File.WriteAllTextAsync(mapping, Mapping);
        var connectionString = Bot.Database().Database.GetConnectionString()!;
        var output = new StringWriter();

        Assert.Equal(1, await ImportCommand.RunAsync([file, "--mapping", mapping], output, b => b.Configuration["ConnectionStrings:SalesCoach"] = connectionString));
        Assert.Contains("line 2: the file is not UTF-8 (line 2); save it as UTF-8 or pass its encoding, e.g. --encoding windows-1252 (Excel on Windows)", output.ToString());
        Assert.Equal(0, await ImportCommand.RunAsync([file, "--mapping", mapping, "--encoding", "latin1"], output, b => b.Configuration["ConnectionStrings:SalesCoach"] = connectionString));
        await using var db = Bot.Database();
        Assert.Equal("Café Müller", (await db.Deals.SingleAsync()).Name);
    }

    /// <summary>A CSV saved by Excel on Windows: é, ü and ß are Latin-1 bytes, € (0x80) is only Windows-1252's.</summary>
    private async Task<string> Windows1252FileAsync()
    {
        var file = Path.Combine(Folder, "windows-1252.csv");
        await File.WriteAllBytesAsync(file, ImportText.EncodingNamed("windows-1252")!.GetBytes(Header +
            "W1,Jürgen Groß,GTX,Café Müller,Won,2026-01-05,2026-02-01,\"€2,500.50\",EUR\n" +
            "W2,Jürgen Groß,MG,Straße & Söhne,Engaging,2026-02-10,,,\n"));
        return file;
    }

    private async Task<(int ExitCode, string Output)> ImportFileAsync(string file, params string[] options)
    {
        var mapping = Path.Combine(Folder, "mapping.json");
        await File.WriteAllTextAsync(mapping, Mapping);
        var connectionString = Bot.Database().Database.GetConnectionString()!;
        var output = new StringWriter();
        var exitCode = await ImportCommand.RunAsync([file, "--mapping", mapping, .. options], output, b => b.Configuration["ConnectionStrings:SalesCoach"] = connectionString);
        return (exitCode, output.ToString());
    }

    [Theory]
    [InlineData]
    [InlineData("--skip-invalid")]
    public async Task AWindows1252FileIsRefusedWholeNamingTheEncodingToPass(params string[] options)
    {
        var (exitCode, output) = await ImportFileAsync(await Windows1252FileAsync(), options);

        Assert.Equal(1, exitCode);
        Assert.Contains("windows-1252.csv, line 2: the file is not UTF-8 (line 2); save it as UTF-8 or pass its encoding, e.g. --encoding windows-1252 (Excel on Windows)", output);
        await using var db = Bot.Database();
        Assert.False(await db.Deals.AnyAsync());
        Assert.False(await db.Reps.AnyAsync(r => r.DisplayName.Contains("Gro")));
    }

    [Fact]
    public async Task AWindows1252FileReadAsLatin1IsRefusedAtItsEuroSign()
    {
        var (exitCode, output) = await ImportFileAsync(await Windows1252FileAsync(), "--encoding", "latin1");

        Assert.Equal(1, exitCode);
        Assert.Contains("line 2: byte 0x80 on line 2 is a control character in latin1; the file is probably Windows-1252: pass --encoding windows-1252", output);
        await using var db = Bot.Database();
        Assert.False(await db.Deals.AnyAsync());
    }

    [Theory]
    [InlineData("windows-1252")]
    [InlineData("Windows-1252")]
    [InlineData("cp1252")]
    public async Task AWindows1252FileIsReadRightWithItsEncoding(string encoding)
    {
        var (exitCode, output) = await ImportFileAsync(await Windows1252FileAsync(), "--encoding", encoding);

        Assert.True(exitCode == 0, output);
        Assert.Contains("Imported 2 deals (2 new, 0 updated), 1 new reps; 0 rows skipped.", output);
        await using var db = Bot.Database();
        var deals = await db.Deals.Include(d => d.Owner).OrderBy(d => d.ExternalId).ToListAsync();
        Assert.Equal(["Café Müller", "Straße & Söhne"], deals.Select(d => d.Name));
        Assert.All(deals, d => Assert.Equal("Jürgen Groß", d.Owner!.DisplayName));
        Assert.Equal((2500.50m, "EUR"), (deals[0].Amount!.Value, deals[0].Currency!));
    }

    private async Task<StringWriter> ExportAsync(string format)
    {
        var connectionString = Bot.Database().Database.GetConnectionString()!;
        var output = new StringWriter();
        Assert.Equal(0, await ExportCommand.RunAsync(["--format", format], output, b => b.Configuration["ConnectionStrings:SalesCoach"] = connectionString));
        return output;
    }

    [Fact]
    public async Task ExportGivesEveryDealWithItsStageHistoryAsCsvOrJson()
    {
        await Bot.Flow()
            .Send("new deal Acme, Inc. $45,000").AssertReply(ReplyAssert.Contains("New deal"))
            .Send("move acme to initial contact").AssertReply(ReplyAssert.Contains("Initial contact"))
            .StartTestAsync();
        var csv = await ExportAsync("csv");
        var json = await ExportAsync("json");

        var rows = Records(csv.ToString());
        Assert.Equal("stage_history", rows[0][^1]);
        Assert.Equal(("Acme, Inc.", "InitialContact", "45000.00"), (rows[1][2], rows[1][6], rows[1][7]));
        Assert.Equal("Prospecting@2026-03-02T09:00:00Z;InitialContact@2026-03-02T09:00:00Z", rows[1][^1]);
        var deal = JsonDocument.Parse(json.ToString()).RootElement[0];
        Assert.Equal(2, deal.GetProperty("stageHistory").GetArrayLength());
    }

    [Fact]
    public async Task ExportCarriesExpectedCloseReasonLastActivityAndNextStepWithPlainAmounts()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp $45,000.5 closing end of month").AssertReply(ReplyAssert.Contains("New deal"))
            .Send("called acme today, next step: send pricing by Friday").AssertReply(ReplyAssert.Contains("Log this call?"))
            .Send("confirm").AssertReply(ReplyAssert.Contains("Logged"))
            .Send("new deal Globex 1.2m").AssertReply(ReplyAssert.Contains("New deal"))
            .Do(() => Bot.Clock.Advance(TimeSpan.FromDays(3)))
            .Send("move globex to lost").AssertReply(ReplyAssert.Contains("Why was it lost?"))
            .Send("2").AssertReply(ReplyAssert.Contains("Noted"))
            .StartTestAsync();
        var csv = await ExportAsync("csv");
        var json = await ExportAsync("json");

        var rows = Records(csv.ToString());
        var header = rows[0].ToList();
        string Field(int row, string column) => rows[row][header.IndexOf(column)];
        Assert.Equal(("45000.50", "2026-03-31", "2026-03-02", "Send pricing by Friday", "2026-03-06"),
            (Field(1, "amount"), Field(1, "expected_close"), Field(1, "last_activity"), Field(1, "next_step"), Field(1, "next_step_due")));
        Assert.Equal(("1200000.00", "Lost", "Lost to a competitor", "2026-03-05", "", ""),
            (Field(2, "amount"), Field(2, "stage"), Field(2, "close_reason"), Field(2, "last_activity"), Field(2, "next_step"), Field(2, "next_step_due")));
        var deals = JsonDocument.Parse(json.ToString()).RootElement;
        Assert.Equal(("45000.50", "2026-03-31", "Send pricing by Friday", "2026-03-06"), (deals[0].GetProperty("amount").GetRawText(),
            deals[0].GetProperty("expectedClose").GetString(), deals[0].GetProperty("nextStep").GetString(), deals[0].GetProperty("nextStepDue").GetString()));
        Assert.Equal(("1200000.00", "Lost to a competitor"), (deals[1].GetProperty("amount").GetRawText(), deals[1].GetProperty("closeReason").GetString()));
    }

    [Fact]
    public async Task ExportQuotesFieldsWithCommasQuotesAndLineBreaksAndImportsBackUnchanged()
    {
        const string name = "The \"Big\" One, North\nBranch";
        await ImportAsync(Header + "R1,Moses Frase,GTX,\"The \"\"Big\"\" One, North\nBranch\",Won,2026-01-05,2026-02-01,\"2,500.50\",EUR\n");
        var csv = (await ExportAsync("csv")).ToString();

        Assert.Contains(",\"The \"\"Big\"\" One, North\nBranch\",", csv);
        Assert.Equal(name, Records(csv)[1][2]);
        var file = Path.Combine(Folder, "round-trip.csv");
        await File.WriteAllTextAsync(file, csv);
        var mapping = Path.Combine(Folder, "round-trip.json");
        await File.WriteAllTextAsync(mapping, """{ "columns": { "id": "external_id" } }""");
        var output = new StringWriter();
        var connectionString = Bot.Database().Database.GetConnectionString()!;
        Assert.Equal(0, await ImportCommand.RunAsync([file, "--mapping", mapping], output, b => b.Configuration["ConnectionStrings:SalesCoach"] = connectionString));
        Assert.Contains("(0 new, 1 updated), 0 new reps", output.ToString());
        await using var db = Bot.Database();
        var deal = await db.Deals.SingleAsync();
        Assert.Equal((name, 2500.50m, "EUR", DealStage.Won), (deal.Name, deal.Amount!.Value, deal.Currency!, deal.Stage));
    }

    [Fact]
    public async Task ExportWritesCellsThatStartLikeAFormulaAsTextAndImportsThemBackUnchanged()
    {
        await ImportAsync(Header +
            "F1,Moses Frase,GTX,\"\t=1+2\",Won,2026-01-05,2026-02-01,,\n" +
            "F2,@mallory,GTX,+SUM(A1),Won,2026-01-05,2026-02-01,,\n" +
            "F3,Moses Frase,GTX,-2+3,Won,2026-01-05,2026-02-01,,\n" +
            "F4,Moses Frase,GTX,Plain = fine,Won,2026-01-05,2026-02-01,,\n");
        var csv = (await ExportAsync("csv")).ToString();

        var rows = Records(csv);
        Assert.Equal(["'=1+2", "'+SUM(A1)", "'-2+3", "Plain = fine"], rows.Skip(1).Select(r => r[2]));
        Assert.Equal("'@mallory", rows[2][4]);
        var file = Path.Combine(Folder, "formulas.csv");
        await File.WriteAllTextAsync(file, csv);
        var mapping = Path.Combine(Folder, "formulas.json");
        await File.WriteAllTextAsync(mapping, """{ "columns": { "id": "external_id" } }""");
        var connectionString = Bot.Database().Database.GetConnectionString()!;
        Assert.Equal(0, await ImportCommand.RunAsync([file, "--mapping", mapping], new StringWriter(), b => b.Configuration["ConnectionStrings:SalesCoach"] = connectionString));
        await using var db = Bot.Database();
        Assert.Equal(["=1+2", "+SUM(A1)", "-2+3", "Plain = fine"], await db.Deals.OrderBy(d => d.ExternalId).Select(d => d.Name).ToListAsync());
        Assert.Equal(2, await db.Reps.CountAsync());
    }

    [Fact]
    public async Task AnImportedNameIsStoredComposedAndWithoutInvisibleCharacters()
    {
        await ImportAsync(Header + "Z1,Moses Frase,GTX,\u202EGlo\u200Bbex Cafe\u0301\u202C,Won,2026-01-05,2026-02-01,,\n");

        await using var db = Bot.Database();
        var deal = await db.Deals.SingleAsync();
        Assert.Equal(("Globex Caf\u00E9", "Globex Caf\u00E9"), (deal.Name, deal.Account));
    }

    [Fact]
    public async Task WithSkipInvalidTheRowsAfterAnUnclosedQuoteAreStillReadAndEveryRowIsCounted()
    {
        var (exitCode, output) = await ImportAsync(Header +
            "Q1,Moses Frase,GTX,Cancity,Won,2026-01-05,2026-02-01,,\n" +
            "Q2,Moses Frase,GTX,\"Isdom,Won,2026-01-05,2026-02-01,,\n" +
            "Q3,Moses Frase,GTX,Betasoloin,Won,2026-01-05,2026-02-01,,\n" +
            "Q4,Moses Frase,GTX,Zoomit,Shortlisted,2026-01-05,,,\n", "--skip-invalid");

        Assert.Equal(0, exitCode);
        Assert.Contains("line 3: unclosed quote starting at line 3", output);
        Assert.Contains("line 5: unknown stage 'Shortlisted'", output);
        Assert.Contains("Imported 2 deals (2 new, 0 updated), 1 new reps; 2 rows skipped.", output);
        await using var db = Bot.Database();
        Assert.Equal(["Betasoloin", "Cancity"], await db.Deals.OrderBy(d => d.Name).Select(d => d.Name).ToListAsync());
    }

    [Fact]
    public async Task AColumnNamedTwiceIsRefusedWithItsColumnNumbers()
    {
        var (exitCode, output) = await ImportAsync(Header.TrimEnd('\n') + ",Account\n" +
            "D1,Moses Frase,GTX,Cancity,Won,2026-01-05,2026-02-01,,,Other\n", "--skip-invalid");

        Assert.Equal(1, exitCode);
        Assert.Contains("column 'account' appears 2 times (columns 4, 10)", output);
        await using var db = Bot.Database();
        Assert.Empty(db.Deals);
    }

    private static List<string[]> Records(string csv)
    {
        using var reader = CsvReader.FromText(csv, CsvReaderOptions.Default with { Separator = ',', HasHeader = false });
        var records = new List<string[]>();
        while (reader.Read())
            records.Add(reader.Current.ToArray());
        return records;
    }
}
