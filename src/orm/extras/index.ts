/**
 * Record extras: a saved model's notes, attachments, photo, tags and related lists, as functions of the record
 * (`addNote(invoice, {...})`). They adapt models to the API's record services (`src/api/services`), which do
 * the requests for the seed-parity `ZCRMRecord` methods too: a model becomes the `ZCRMRecord` the services
 * take, and listed related records become model instances through the hydration `Repository` passes in.
 * `Repository` exposes them on its client (`invoices.addNote(invoice, …)`); `CrmRecord`'s instance methods
 * (`invoice.addNote(...)`) go through the record's repository.
 *
 * Results are the seed-parity entities where the API layer has one: notes are `ZCRMNote`s and attachments
 * `ZCRMAttachment`s (their `parentRecord` is the record as a `ZCRMRecord`, so `note.uploadAttachment()`,
 * `attachment.download()` … keep working); downloads stream to a path, directory or stream and resolve with a
 * {@link DownloadedFile}; tags resolve with the record's tag names; link/unlink with one `EntityResponse` per input.
 *
 * Every extra checks its arguments before any request (a `ZCRMException` with statusCode 0 naming the argument
 * and the problem), starting with the record: its class must be a model and it must have an id.
 */
export { addNote, notes, removeNote } from './notes';
export type { NoteInput, NotesOptions } from './notes';
export { attach, attachLink, attachments, downloadAttachment, removeAttachment } from './attachments';
export type { AttachOptions, AttachmentsOptions } from './attachments';
export { uploadPhoto, downloadPhoto, deletePhoto } from './photo';
export type { PhotoOptions } from './photo';
export { addTags, removeTags } from './tags';
export type { TagsOptions } from './tags';
export { related } from './related';
export type {
  ModelHydrator,
  RelatedList,
  RelatedListOptions,
  RelatedModel,
  RelatedOptions,
  RelatedTarget,
  RelationData,
} from './related';
export type { DownloadedFile, FileDownloadOptions, DownloadTarget } from './downloads';
export type { ListOptions } from './pages';
export type { ExtrasOptions, ExtrasRecord } from './record-context';
