package il.co.voicely.rag.ingest;

/**
 * What one Drive sync did.
 *
 * @param full      true for a full listing, false for an incremental sync through the changes API
 * @param indexed   files whose text was (re)indexed (new, edited, renamed or moved into the folder)
 * @param unchanged files seen whose indexed text was already current
 * @param removed   files deleted, trashed or moved out of the folder, removed from the index
 * @param skipped   files without extractable text (images, folders' shortcuts, unsupported Google types)
 * @param pageToken the changes page token stored for the next incremental sync
 */
public record DriveSummary(boolean full, int indexed, int unchanged, int removed, int skipped, String pageToken) {
}
