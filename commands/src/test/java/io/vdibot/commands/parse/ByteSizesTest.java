package io.vdibot.commands.parse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ByteSizesTest {

    @ParameterizedTest
    @CsvSource({"4GiB, 4294967296", "4G, 4294967296", "4gb, 4294967296", "4 GiB, 4294967296",
            "4096MiB, 4294967296", "512M, 536870912", "1.5GiB, 1610612736", "1K, 1024", "2T, 2199023255552",
            "100B, 100", "0.5k, 512", "1.0000001K, 1024"})
    void readsBinarySizes(String text, long bytes) {
        assertThat(ByteSizes.parse(text)).hasValue(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4096", "lots", "4 gigs", "GiB", "-4G", "4P", "9999999999T", "4iB", ""})
    void refusesWhatIsNoSize(String text) {
        assertThat(ByteSizes.parse(text)).isEmpty();
    }
}
