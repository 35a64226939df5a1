package il.co.voicely.core.chat;

import java.util.Optional;
import java.util.UUID;

/** A label on contacts (hot, cold, student, parent…), with an optional colour such as {@code #e11d48}. */
public record Tag(UUID id, String name, Optional<String> color) {
}
