package il.co.voicely.rag.assist;

import java.util.Optional;
import java.util.UUID;

/**
 * A lead as the form left it.
 *
 * @param consent empty until answered; contact details are cleared when the visitor declines
 */
public record Lead(UUID id, String visitorKey, Optional<String> name, Optional<String> phone, Optional<String> email,
                   Optional<String> interest, Optional<Boolean> consent, LeadStep step, Language language) {
}
