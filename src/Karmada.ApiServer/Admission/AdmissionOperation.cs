namespace Karmada.ApiServer.Admission;

/// <summary>The write being admitted.</summary>
public enum AdmissionOperation
{
    Create,
    Update,
    Delete,
}
