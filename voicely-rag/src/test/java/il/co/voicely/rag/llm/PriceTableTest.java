package il.co.voicely.rag.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceTableTest {

    @Test
    void aDatedModelTakesThePriceOfItsLongestKnownPrefix() {
        PriceTable prices = PriceTable.defaults();

        assertThat(prices.estimate("gemini-2.5-flash-lite-001", 1_000_000, 0)).hasValueSatisfying(
                c -> assertThat(c).isEqualByComparingTo("0.10"));
        assertThat(prices.estimate("gemini-2.5-flash-001", 1_000_000, 0)).hasValueSatisfying(
                c -> assertThat(c).isEqualByComparingTo("0.30"));
    }

    @Test
    void anUnknownModelHasNoEstimateRatherThanAWrongOne() {
        assertThat(PriceTable.defaults().estimate("llama3.1:8b", 500, 500)).isEmpty();
    }

    @Test
    void aConfiguredPriceOverridesTheDefault() {
        PriceTable prices = PriceTable.defaults().with("gpt-4o-mini", new BigDecimal("1"), new BigDecimal("2"));

        assertThat(prices.estimate("gpt-4o-mini", 1_000_000, 1_000_000)).hasValueSatisfying(
                c -> assertThat(c).isEqualByComparingTo("3"));
    }
}
