using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Languages;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Conversations;

/// <summary>A rep who writes Indonesian is read and answered in Indonesian, and the bot remembers it.</summary>
public sealed class IndonesianConversationTests : BotTest
{
    [StoreFact]
    public async Task ADealAddedInIndonesianIsSavedInRupiahAndAnsweredInIndonesian()
    {
        await Bot.Flow()
            .Send("deal baru Sinar Logistik 60jt")
            .AssertReply(Contains("Deal baru: Sinar Logistik", "Nilai: Rp 60.000.000", "Tahap: Prospek", "Langkah terbaik berikutnya:", "Pindah ke Kontak awal"))
            .Send("pindahin Sinar Logistik ke kontak awal")
            .AssertReply(Contains("Sinar Logistik → Kontak awal", "Syarat lanjut", "Tips:"))
            .Send("Sinar Logistik bilang harganya kemahalan, minta diskon 30%")
            .AssertReply(Contains("Keberatan: Harga atau anggaran", "1. Akui", "Di tahap Kontak awal (Sinar Logistik)", "Kasih kisaran kalau didesak", "Keberatan lain"))
            .StartTestAsync();

        await using var db = Bot.Database();
        var deal = await db.Deals.SingleAsync();
        Assert.Equal((60_000_000m, "IDR"), (deal.Amount!.Value, deal.Currency));
        Assert.Equal(Deals.DealStage.InitialContact, deal.Stage);
        Assert.Equal(Language.Indonesian, (await db.Reps.SingleAsync()).Language);
    }

    [StoreFact]
    public async Task HelpAndWhatItDoesNotUnderstandAreSaidInTheRepsLanguage()
    {
        await Bot.Flow()
            .Send("pakai bahasa Indonesia").AssertReply(Contains("bahasa Indonesia"))
            .Send("help").AssertReply(Contains("Jaga pipeline tetap rapi", "Tahapan: Prospek → Kontak awal", "Deal saya"))
            .Send("switch to English").AssertReply(Contains("I'll answer in English"))
            .Send("help").AssertReply(Contains("Keep your pipeline honest", "Stages: Prospecting → Initial contact", "My deals"))
            .StartTestAsync();
    }

    [StoreFact]
    public async Task AnEnglishRepIsStillAnsweredInEnglish()
    {
        await Bot.Flow()
            .Send("new deal Harbor Freight Lines 48k")
            .AssertReply(Contains("New deal: Harbor Freight Lines", "Amount: $48,000", "Move to Initial contact"))
            .StartTestAsync();

        await using var db = Bot.Database();
        Assert.Equal(Language.English, (await db.Reps.SingleAsync()).Language);
    }
}
