package il.co.voicely.app.analytics;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.DatabaseSettings;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.db.SessionContext;
import java.io.OutputStream;
import java.util.UUID;

/**
 * Run by {@link LargeExportTest} in a JVM with a small heap: exports {@code users} as CSV and as XLSX into
 * a stream that only counts bytes, and prints the row counts. Arguments: the database settings, then an admin id.
 */
final class ExportMemoryMain {

    private ExportMemoryMain() {
    }

    public static void main(String[] args) {
        DatabaseSettings settings = new DatabaseSettings(args[0], args[1], args[2], args[3], args[4], 2);
        SessionContext admin = SessionContext.user(UUID.fromString(args[5]), Role.ADMIN);
        try (Database db = Database.open(settings)) {
            DataExports exports = new DataExports(db);
            for (String format : new String[] {"csv", "xlsx"}) {
                CountingStream out = new CountingStream();
                long rows = exports.export(admin, "users", format, out);
                System.out.println(format + " rows=" + rows + " bytes=" + out.bytes
                        + " heapMiB=" + Runtime.getRuntime().maxMemory() / (1024 * 1024));
            }
        }
    }

    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
