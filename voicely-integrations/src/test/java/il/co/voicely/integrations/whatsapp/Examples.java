package il.co.voicely.integrations.whatsapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The Meta spec examples copied from shared/specs/whatsapp/examples into src/test/resources/whatsapp. */
final class Examples {

    static final String RECIPIENT = "16505551234";

    private Examples() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Examples.class.getResourceAsStream("/whatsapp/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource whatsapp/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An example request body with the spec's recipient placeholder filled in. */
    static String request(String name) {
        return new String(bytes(name), java.nio.charset.StandardCharsets.UTF_8)
                .replace("{{Recipient-Phone-Number}}", RECIPIENT);
    }
}
