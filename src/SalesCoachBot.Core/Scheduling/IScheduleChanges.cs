namespace SalesCoachBot.Scheduling;

/// <summary>Told when a follow-up or digest schedule changed in the database, so the scheduler picks it up now.</summary>
public interface IScheduleChanges
{
    void Changed();
}
