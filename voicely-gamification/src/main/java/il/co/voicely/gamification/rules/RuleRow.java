package il.co.voicely.gamification.rules;

import java.util.UUID;

/** An active achievement as the engine evaluates it; {@code rule} is null when its JSON is invalid. */
record RuleRow(UUID id, String code, String titleHe, int stars, String ruleJson, boolean awarded) {
}
