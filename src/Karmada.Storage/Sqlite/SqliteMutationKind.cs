namespace Karmada.Storage.Sqlite;

internal enum SqliteMutationKind
{
    Create,
    Update,
    Delete,
}
