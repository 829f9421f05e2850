/**
 * Zoho record ids: 19-digit numeric strings, an org prefix + zero padding + a sequence
 * (e.g. `3652397000000624046`). One generator per emulator keeps ids unique and increasing.
 */
export class IdGenerator {
  constructor(
    private readonly orgPrefix: string,
    private next: number,
  ) {}

  nextId(): string {
    const seq = String(this.next++);
    return this.orgPrefix + seq.padStart(19 - this.orgPrefix.length, '0');
  }

  /** The sequence value the next id will use (persisted with the state). */
  get cursor(): number {
    return this.next;
  }
}

export const ID_PATTERN = /^\d{1,19}$/;
