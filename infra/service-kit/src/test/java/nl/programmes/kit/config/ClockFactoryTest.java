package nl.programmes.kit.config;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class ClockFactoryTest {

    @Test
    void theServicesClockKeepsDutchDates() {
        assertThat(new ClockFactory().clock().getZone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
    }
}
