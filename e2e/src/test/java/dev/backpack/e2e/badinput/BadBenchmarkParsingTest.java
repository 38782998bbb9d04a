package dev.backpack.e2e.badinput;

import dev.backpack.model.BenchmarkYaml;
import dev.backpack.model.validation.InvalidBenchmarkException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every bad Benchmark of the table is refused with one clear message naming its field. */
class BadBenchmarkParsingTest {

    static List<BadBenchmarkCase> cases() {
        return BadBenchmarkCase.all();
    }

    @Test
    void tableHasAtLeastThirtyCases() {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedNamingTheField(BadBenchmarkCase c) {
        InvalidBenchmarkException e = catchThrowableOfType(InvalidBenchmarkException.class,
                () -> BenchmarkYaml.parseValid(c.yaml("bad-input")));
        assertThat(e).as("%s must be refused", c.name()).isNotNull();
        assertThat(e.violations()).anySatisfy(v -> {
            assertThat(v.field()).isEqualTo(c.field());
            assertThat(v.message()).contains(c.message());
        });
        assertThat(e.getMessage()).as("one line, no stack trace").doesNotContain("\n").doesNotContain("Exception");
    }
}
