package il.co.voicely.rag.llm;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Prices per million tokens by model, to <em>estimate</em> what a conversation cost.
 *
 * <p>A model matches the longest entry its name starts with, so {@code claude-sonnet-4-5-20250929}
 * takes the price of {@code claude-sonnet-4-5}. The {@link #defaults()} are list prices in US dollars
 * as published by the providers in late 2025 for standard (non-batch, uncached) use; check them
 * before relying on them and override with {@link #with}.
 *
 * <pre>{@code
 * PriceTable prices = PriceTable.defaults().with("my-finetune", new BigDecimal("1.00"), new BigDecimal("4.00"));
 * }</pre>
 */
public final class PriceTable {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private record Price(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
    }

    private final Map<String, Price> prices;

    private PriceTable(Map<String, Price> prices) {
        this.prices = Map.copyOf(prices);
    }

    /** A table with no prices: every estimate is empty. */
    public static PriceTable empty() {
        return new PriceTable(Map.of());
    }

    /** List prices of common hosted models (USD per million input / output tokens), late 2025. */
    public static PriceTable defaults() {
        return empty()
                .with("claude-opus-4-5", "5.00", "25.00")
                .with("claude-opus-4", "15.00", "75.00")
                .with("claude-sonnet-4", "3.00", "15.00")
                .with("claude-3-7-sonnet", "3.00", "15.00")
                .with("claude-haiku-4-5", "1.00", "5.00")
                .with("claude-3-5-haiku", "0.80", "4.00")
                .with("gemini-2.5-pro", "1.25", "10.00")
                .with("gemini-2.5-flash", "0.30", "2.50")
                .with("gemini-2.5-flash-lite", "0.10", "0.40")
                .with("gemini-2.0-flash", "0.10", "0.40")
                .with("gpt-4.1", "2.00", "8.00")
                .with("gpt-4.1-mini", "0.40", "1.60")
                .with("gpt-4o", "2.50", "10.00")
                .with("gpt-4o-mini", "0.15", "0.60")
                .with("gpt-5", "1.25", "10.00")
                .with("gpt-5-mini", "0.25", "2.00");
    }

    /** This table plus (or with a new price for) models whose name starts with {@code modelPrefix}. */
    public PriceTable with(String modelPrefix, BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
        Objects.requireNonNull(modelPrefix, "modelPrefix");
        if (inputPerMillion.signum() < 0 || outputPerMillion.signum() < 0) {
            throw new IllegalArgumentException("prices cannot be negative for " + modelPrefix);
        }
        Map<String, Price> copy = new LinkedHashMap<>(prices);
        copy.put(modelPrefix, new Price(inputPerMillion, outputPerMillion));
        return new PriceTable(copy);
    }

    private PriceTable with(String modelPrefix, String input, String output) {
        return with(modelPrefix, new BigDecimal(input), new BigDecimal(output));
    }

    /** The estimated cost in US dollars, or empty when {@code model} has no price here. */
    public Optional<BigDecimal> estimate(String model, long inputTokens, long outputTokens) {
        return prices.entrySet().stream()
                .filter(e -> model.startsWith(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue)
                .map(p -> p.inputPerMillion().multiply(BigDecimal.valueOf(inputTokens))
                        .add(p.outputPerMillion().multiply(BigDecimal.valueOf(outputTokens)))
                        .divide(MILLION, MathContext.DECIMAL64).stripTrailingZeros());
    }

    Usage usage(String model, long inputTokens, long outputTokens) {
        return new Usage(inputTokens, outputTokens, estimate(model, inputTokens, outputTokens));
    }
}
