namespace Karmada.Scheduler.Apportionment;

/// <summary>Decides which of two parties with equal priority gets the next seat: true when <paramref name="a"/> wins.</summary>
public delegate bool WebsterTieBreaker(WebsterParty a, WebsterParty b);
