using SalesCoachBot.Understanding.Learning;

namespace SalesCoachBot.Tests.Understanding;

public sealed class SoftmaxClassifierTests
{
    // Two labels whose sentences mean the same to the sentence vector: only their words tell them apart.
    private static readonly float[] SameMeaning = [1f, 0f];

    private static SoftmaxClassifier TrainOnWords() => SoftmaxClassifier.Train(
    [
        ("won", SameMeaning, WordFeatures.Of("inked the contract today")),
        ("won", SameMeaning, WordFeatures.Of("they inked it")),
        ("lost", SameMeaning, WordFeatures.Of("they walked away today")),
        ("lost", SameMeaning, WordFeatures.Of("walked away from the contract")),
    ], epochs: 200);

    [Fact]
    public void WordsTellApartSentencesTheVectorReadsAlike()
    {
        var classifier = TrainOnWords();

        Assert.True(classifier.Predict(SameMeaning, WordFeatures.Of("acme inked"))["won"] > 0.7f);
        Assert.True(classifier.Predict(SameMeaning, WordFeatures.Of("acme walked away"))["lost"] > 0.7f);
    }

    [Fact]
    public void ASentenceOfUnseenWordsIsReadByItsMeaning()
    {
        float[] signed = [1f, 0f], walkedAway = [0f, 1f];
        var classifier = SoftmaxClassifier.Train(
        [
            ("won", signed, WordFeatures.Of("inked the contract today")),
            ("won", signed, WordFeatures.Of("they inked it")),
            ("lost", walkedAway, WordFeatures.Of("they walked away today")),
            ("lost", walkedAway, WordFeatures.Of("walked away from the contract")),
        ], epochs: 200);

        Assert.True(classifier.Predict(signed, WordFeatures.Of("zeta7x1 countersigned"))["won"] > 0.7f);
    }

    [Fact]
    public void WrittenAndReadBackItPredictsTheSame()
    {
        var classifier = TrainOnWords();
        using var stream = new MemoryStream();
        classifier.Write(new BinaryWriter(stream));
        stream.Position = 0;

        var read = SoftmaxClassifier.Read(new BinaryReader(stream));

        var words = WordFeatures.Of("inked after they walked away");
        Assert.Equal(classifier.Predict(SameMeaning, words), read.Predict(SameMeaning, words));
    }

    [Fact]
    public void NumbersReadAsOneWordAndEndingsAreShared()
    {
        Assert.Equal(WordFeatures.Of("sent 40k quote"), WordFeatures.Of("sent 95k quote"));
        Assert.Equal(WordFeatures.Of("called them"), WordFeatures.Of("calls them"));
        Assert.NotEqual(WordFeatures.Of("called them"), WordFeatures.Of("emailed them"));
    }
}
