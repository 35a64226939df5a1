package il.co.voicely.audio.decode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Names what a non-audio file looks like, so an error can say "detected application/zip". */
final class ContentSniffer {
    private ContentSniffer() {
    }

    static String describe(Path file) {
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return "unreadable";
        }
        if (n == 0) {
            return "empty file";
        }
        if (starts(head, n, 'P', 'K', 3, 4)) {
            return "application/zip";
        }
        if (starts(head, n, '%', 'P', 'D', 'F')) {
            return "application/pdf";
        }
        if (starts(head, n, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (starts(head, n, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(head, n, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (starts(head, n, 0x7F, 'E', 'L', 'F')) {
            return "application/x-executable";
        }
        boolean text = true;
        for (int i = 0; i < n; i++) {
            int b = head[i] & 0xFF;
            text &= b >= 0x20 || b == '\n' || b == '\r' || b == '\t';
        }
        return text ? "text/plain" : "unknown binary data";
    }

    private static boolean starts(byte[] head, int n, int... magic) {
        if (n < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
