using SalesCoachBot.Channels.Slack;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Tests.Channels.Slack;

public sealed class BlockKitRendererTests
{
    [Fact]
    public void ARichReplyBecomesHeaderSectionFieldsContextAndButtonsWithAFallback()
    {
        var reply = new Reply("Here's what I understood. Save it?")
        {
            Title = "Log this call?",
            Facts = [new("Deal", "Acme <Corp> & Co"), new("When", "yesterday")],
            Notes = ["Tip: ask for the next step"],
            Buttons = [new("Confirm", "Confirm"), new("Edit", "Edit")],
        };

        var blocks = BlockKitRenderer.Blocks(reply);

        Assert.Equal("Log this call?: Here's what I understood. Save it?", BlockKitRenderer.Fallback(reply));
        Assert.Equal(["header", "section", "section", "context", "actions"], blocks.Select(b => (string)b!["type"]!));
        Assert.Equal("*Deal*\nAcme &lt;Corp&gt; &amp; Co", (string)blocks[2]!["fields"]![0]!["text"]!);
        Assert.Equal(["coach_button_0", "coach_button_1"], blocks[4]!["elements"]!.AsArray().Select(e => (string)e!["action_id"]!));
        Assert.Equal("Edit", (string)blocks[4]!["elements"]![1]!["value"]!);
    }

    [Fact]
    public void ManyFactsAreSplitIntoSectionsOfTenAsSlackAllows()
    {
        var reply = new Reply("Pipeline") { Facts = [.. Enumerable.Range(1, 23).Select(i => new Fact($"Deal {i}", "Discovery"))] };

        var blocks = BlockKitRenderer.Blocks(reply);

        Assert.Equal([10, 10, 3], blocks.Where(b => b!["fields"] is not null).Select(b => b!["fields"]!.AsArray().Count));
    }
}
