using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json.Nodes;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Manifests;

public sealed class TeamsManifestTests
{
    private const string AppIdPlaceholder = "${{MICROSOFT_APP_ID}}";
    private static readonly string Folder = RepositoryRoot.File("manifests", "teams");
    private static readonly JsonObject Manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")))!.AsObject();

    [Fact]
    public void HasTheFieldsTeamsRequires()
    {
        Assert.Equal("1.22", Manifest["manifestVersion"]!.GetValue<string>());
        Assert.EndsWith("/v1.22/MicrosoftTeams.schema.json", Manifest["$schema"]!.GetValue<string>());
        Assert.Matches(@"^\d+\.\d+\.\d+$", Manifest["version"]!.GetValue<string>());
        foreach (var field in new[] { "name", "websiteUrl", "privacyUrl", "termsOfUseUrl" })
            Assert.NotEmpty(Manifest["developer"]![field]!.GetValue<string>());
        Assert.InRange(Manifest["name"]!["short"]!.GetValue<string>().Length, 1, 30);
        Assert.InRange(Manifest["description"]!["short"]!.GetValue<string>().Length, 1, 80);
        Assert.InRange(Manifest["description"]!["full"]!.GetValue<string>().Length, 1, 4000);
        Assert.Matches("^#[0-9A-Fa-f]{6}$", Manifest["accentColor"]!.GetValue<string>());
    }

    [Fact]
    public void TheBotIdIsThePlaceholderTheReadmeExplains()
    {
        var bot = Manifest["bots"]!.AsArray().Single()!;
        Assert.Equal(AppIdPlaceholder, bot["botId"]!.GetValue<string>());
        Assert.Equal(AppIdPlaceholder, Manifest["id"]!.GetValue<string>());
        var readme = File.ReadAllText(RepositoryRoot.File("README.md"));
        Assert.Contains(AppIdPlaceholder, readme);
        Assert.Contains("manifests/teams/package.sh", readme);
    }

    [Fact]
    public void TheBotWorksInPersonalTeamAndGroupChatWithTheCommandsItUnderstands()
    {
        var bot = Manifest["bots"]!.AsArray().Single()!;
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        var commands = bot["commandLists"]!.AsArray().SelectMany(l => l!["commands"]!.AsArray()).Select(c => c!["title"]!.GetValue<string>()).ToList();
        var recognizer = TestRecognizer.Create();
        var context = new SalesCoachBot.Understanding.RecognitionContext(new DateTime(2026, 3, 4), []);
        foreach (var command in commands)
            Assert.IsNotType<SalesCoachBot.Understanding.UnknownIntent>(recognizer.Recognize(command, context));
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void IconsHaveTheSizesTeamsRequires(string file, int size)
    {
        var icon = Png.Read(Path.Combine(Folder, Manifest["icons"]![file == "color.png" ? "color" : "outline"]!.GetValue<string>()));
        Assert.Equal((size, size), (icon.Width, icon.Height));
    }

    [Fact]
    public void TheOutlineIconIsWhiteOnTransparent()
    {
        var icon = Png.Read(Path.Combine(Folder, "outline.png"));
        var pixels = icon.Rgba();
        Assert.Contains(pixels, p => p.A == 0);
        Assert.Contains(pixels, p => p.A > 0);
        Assert.All(pixels.Where(p => p.A > 0), p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
    }

    /// <summary>Just enough PNG reading for 8-bit RGBA icons: size and pixels.</summary>
    private sealed record Png(int Width, int Height, byte ColorType, byte[] Pixels)
    {
        public static Png Read(string path)
        {
            var bytes = File.ReadAllBytes(path);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
            int width = 0, height = 0;
            byte colorType = 0;
            using var idat = new MemoryStream();
            for (var at = 8; at < bytes.Length;)
            {
                var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
                var type = System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4);
                var data = bytes.AsSpan(at + 8, length);
                if (type == "IHDR")
                    (width, height, colorType) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]), data[9]);
                else if (type == "IDAT")
                    idat.Write(data);
                at += 12 + length;
            }
            using var inflated = new MemoryStream();
            idat.Position = 0;
            using (var z = new ZLibStream(idat, CompressionMode.Decompress))
                z.CopyTo(inflated);
            return new Png(width, height, colorType, inflated.ToArray());
        }

        public IReadOnlyList<(byte R, byte G, byte B, byte A)> Rgba()
        {
            Assert.Equal(6, ColorType);
            var stride = Width * 4;
            var result = new List<(byte, byte, byte, byte)>();
            for (var y = 0; y < Height; y++)
            {
                var row = Pixels.AsSpan(y * (stride + 1), stride + 1);
                Assert.Equal(0, row[0]);
                for (var x = 1; x < row.Length; x += 4)
                    result.Add((row[x], row[x + 1], row[x + 2], row[x + 3]));
            }
            return result;
        }
    }
}
