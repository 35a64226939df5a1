package il.co.voicely.gamification.rules;

import java.util.UUID;

/**
 * Stars on one exercise after an attempt: {@code stars} is the best so far (0–3), {@code gained} how many
 * this attempt added (a worse attempt never takes stars away).
 */
public record StarsEarned(UUID exerciseId, double score, int stars, int gained) {
}
