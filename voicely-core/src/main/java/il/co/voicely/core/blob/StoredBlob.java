package il.co.voicely.core.blob;

/**
 * A blob as stored.
 *
 * @param key       the store's name for it, safe to keep in the database
 * @param sha256    lower-case hex SHA-256 of the bytes
 * @param sizeBytes how many bytes
 */
public record StoredBlob(String key, String sha256, long sizeBytes) {
}
