/** A transition a blueprint transition leads to (`next_transitions[]`): id and name only (the seed's `ZCRMTransition`). */
export class ZCRMTransition {
  constructor(
    public id?: string,
    public name?: string | null,
  ) {}

  static getInstance(id?: string, name?: string | null): ZCRMTransition {
    return new ZCRMTransition(id, name);
  }
}
