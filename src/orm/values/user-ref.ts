/**
 * A user as a record field holds it (`Owner`, `Created_By`, `Modified_By`, user lookups): `{name, id, email}`
 * on the wire. To set an owner, give at least the `id`: `record.owner = { id: userId }`.
 */
export interface UserRef {
  id: string;
  name?: string;
  email?: string;
}
