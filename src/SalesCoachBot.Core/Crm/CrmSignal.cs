using SalesCoachBot.Queues;

namespace SalesCoachBot.Crm;

/// <summary>A chat change was queued for the CRM.</summary>
public sealed class CrmSignal : WorkSignal;
