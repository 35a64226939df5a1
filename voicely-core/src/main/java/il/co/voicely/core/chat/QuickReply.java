package il.co.voicely.core.chat;

import java.util.Optional;
import java.util.UUID;

/**
 * A canned response an agent inserts by typing {@code /shortcut}. The body may hold variables:
 * {@code {{name}}}, {@code {{first_name}}}, each with an optional fallback, {@code {{first_name|חבר/ה}}}.
 */
public record QuickReply(UUID id, String shortcut, Optional<String> title, String body, String locale) {
}
