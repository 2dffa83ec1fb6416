using System.Text.Json.Nodes;
using SalesCoachBot.Interactions;

namespace SalesCoachBot.Crm.HubSpot;

/// <summary>A logged interaction as HubSpot's own activity object, with the HUBSPOT_DEFINED association type to a deal.</summary>
public static class HubSpotActivities
{
    public const int CallToDeal = 206, EmailToDeal = 210, MeetingToDeal = 212, NoteToDeal = 214;

    public static (string ObjectType, int AssociationTypeId, JsonObject Properties) Of(CrmActivity activity)
    {
        var at = activity.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var properties = new JsonObject { ["hs_timestamp"] = at };
        if (activity.OwnerId is not null)
            properties["hubspot_owner_id"] = activity.OwnerId;
        switch (activity.Kind)
        {
            case InteractionKind.Call:
                properties["hs_call_body"] = activity.Summary;
                properties["hs_call_title"] = Title(activity.Summary);
                properties["hs_call_status"] = "COMPLETED";
                return ("calls", CallToDeal, properties);
            case InteractionKind.Email:
                properties["hs_email_subject"] = Title(activity.Summary);
                properties["hs_email_text"] = activity.Summary;
                properties["hs_email_direction"] = "EMAIL";
                properties["hs_email_status"] = "SENT";
                return ("emails", EmailToDeal, properties);
            case InteractionKind.Meeting or InteractionKind.Demo:
                properties["hs_meeting_title"] = activity.Kind == InteractionKind.Demo ? $"Demo: {Title(activity.Summary)}" : Title(activity.Summary);
                properties["hs_meeting_body"] = activity.Summary;
                properties["hs_meeting_start_time"] = at;
                properties["hs_meeting_end_time"] = at;
                properties["hs_meeting_outcome"] = "COMPLETED";
                return ("meetings", MeetingToDeal, properties);
            default:
                properties["hs_note_body"] = activity.Summary;
                return ("notes", NoteToDeal, properties);
        }
    }

    private static string Title(string summary) => summary.Length <= 80 ? summary : summary[..77] + "…";
}
