using Microsoft.Bot.Builder.Adapters;

namespace SalesCoachBot.Tests.Infrastructure;

public static class TestFlowExtensions
{
    /// <summary>Runs a step between turns (e.g. moving the fake clock) without breaking the flow.</summary>
    public static TestFlow Do(this TestFlow flow, Action action) =>
        new(flow.StartTestAsync().ContinueWith(previous =>
        {
            previous.GetAwaiter().GetResult();
            action();
        }, TaskScheduler.Default), flow);
}
