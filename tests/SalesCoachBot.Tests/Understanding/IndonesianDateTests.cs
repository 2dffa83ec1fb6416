using System.Globalization;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Tests.Understanding;

/// <summary>Dates as Indonesian reps write them, read on Wednesday 4 March 2026, 10:00.</summary>
public sealed class IndonesianDateTests
{
    private static readonly DateRecognizer Dates = new();
    private static readonly DateTime Wednesday = new(2026, 3, 4, 10, 0, 0);

    [Theory]
    [InlineData("closing besok", "2026-03-05")]
    [InlineData("kirim proposal bsk", "2026-03-05")]
    [InlineData("demo lusa", "2026-03-06")]
    [InlineData("follow up minggu depan", "2026-03-09")]
    [InlineData("closing akhir bulan", "2026-03-31")]
    [InlineData("closing akhir bulan ini", "2026-03-31")]
    [InlineData("target akhir minggu", "2026-03-06")]
    [InlineData("akhir tahun", "2026-12-31")]
    [InlineData("akhir kuartal", "2026-03-31")]
    [InlineData("closing akhir Q3", "2026-09-30")]
    [InlineData("closing bulan depan", "2026-04-30")]
    [InlineData("tgl 20", "2026-03-20")]
    [InlineData("tanggal 2", "2026-04-02")]
    [InlineData("Senin", "2026-03-09")]
    [InlineData("call hari Jumat", "2026-03-06")]
    [InlineData("Rabu depan", "2026-03-11")]
    [InlineData("14 Des", "2026-12-14")]
    [InlineData("20 Agustus 2027", "2027-08-20")]
    [InlineData("tgl 5 Okt", "2026-10-05")]
    [InlineData("2 Jan", "2027-01-02")]
    [InlineData("closing akhir Desember", "2026-12-31")]
    [InlineData("bulan Mei", "2026-05-31")]
    [InlineData("3 hari lagi", "2026-03-07")]
    [InlineData("2 minggu lagi", "2026-03-18")]
    public void ReadsAheadAsACloseDate(string text, string expected) =>
        Assert.Equal(Day(expected), Dates.Find(text, Wednesday, DateLean.Future)?.Date);

    [Theory]
    [InlineData("udah telpon Acme kemarin", "2026-03-03")]
    [InlineData("kmrn demo ke Globex", "2026-03-03")]
    [InlineData("tadi pagi meeting sama Acme", "2026-03-04")]
    [InlineData("hari ini kirim proposal", "2026-03-04")]
    [InlineData("demo hari Senin", "2026-03-02")]
    [InlineData("Jumat lalu ketemu klien", "2026-02-27")]
    [InlineData("meeting 3 hari yang lalu", "2026-03-01")]
    [InlineData("minggu lalu kirim penawaran", "2026-02-25")]
    [InlineData("tgl 20 udah kirim email", "2026-02-20")]
    public void ReadsBehindAsWhenSomethingHappened(string text, string expected) =>
        Assert.Equal(Day(expected), Dates.Find(text, Wednesday, DateLean.Past)?.Date);

    [Fact]
    public void SaysWhereTheDateIs()
    {
        var found = Dates.Find("deal baru Acme 60jt closing akhir bulan", Wednesday, DateLean.Future)!;
        Assert.Equal("akhir bulan", found.Text);
    }

    [Theory]
    [InlineData("dalam minggu ini ada 3 demo")]
    [InlineData("deal Acme pindahin ke negosiasi")]
    public void NamesNoDateWhereThereIsNone(string text) =>
        Assert.Null(IndonesianDates.Find(text, DateOnly.FromDateTime(Wednesday), DateLean.Future).FirstOrDefault());

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
