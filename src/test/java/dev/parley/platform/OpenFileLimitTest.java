package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenFileLimitTest {

    @Test
    void readsTheSoftLimitOfOpenFiles() {
        assertThat(OpenFileLimit.parse(List.of(
                "Limit                     Soft Limit           Hard Limit           Units",
                "Max processes             95737                95737                processes",
                "Max open files            4096                 524288               files")))
                .hasValue(4096);
        assertThat(OpenFileLimit.parse(List.of("Max open files            unlimited            unlimited            files")))
                .isEmpty();
        assertThat(OpenFileLimit.parse(List.of())).isEmpty();
    }

    @Test
    void thisProcessHasALimitOnLinux() {
        assertThat(OpenFileLimit.current()).isPresent();
        assertThat(OpenFileLimit.current().getAsLong()).isPositive();
    }
}
