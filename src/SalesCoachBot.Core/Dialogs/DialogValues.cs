using System.Globalization;
using SalesCoachBot.Deals;

namespace SalesCoachBot.Dialogs;

/// <summary>Dialog values are kept as invariant strings so bot state stays plain JSON.</summary>
public static class DialogValues
{
    public static string? Write(object? value) => value switch
    {
        null => null,
        Money money => $"{money.Amount.ToString(CultureInfo.InvariantCulture)} {money.Currency}",
        DateTime local => local.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        bool flag => flag ? "yes" : "no",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public static Money? ReadMoney(string? text) =>
        text?.Split(' ') is [var amount, var currency] ? WrittenMoney.Read(amount, currency, out _) : null;
}
