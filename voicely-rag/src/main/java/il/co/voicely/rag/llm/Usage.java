package il.co.voicely.rag.llm;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What one answer consumed.
 *
 * @param inputTokens      tokens the provider counted in the request (prompt, history, tools)
 * @param outputTokens     tokens the provider counted in the answer
 * @param estimatedCostUsd an <em>estimate</em> in US dollars from the {@link PriceTable}; empty when the
 *                         model has no known price (local servers, new models). Not a bill: providers
 *                         change prices, and discounts such as prompt caching are not modelled.
 */
public record Usage(long inputTokens, long outputTokens, Optional<BigDecimal> estimatedCostUsd) {

    public Usage {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts cannot be negative: " + inputTokens + ", " + outputTokens);
        }
        Objects.requireNonNull(estimatedCostUsd, "estimatedCostUsd");
    }
}
