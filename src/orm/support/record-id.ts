/** True for a Zoho record id: digits only (`"4150868000001234001"`). */
export function isRecordId(value: unknown): value is string {
  return typeof value === 'string' && /^\d+$/.test(value);
}
