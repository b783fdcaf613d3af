package nl.programmes.kit.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class AccountAccessTest {

    @Test
    void aTokenOpensASessionOnlyWithItsAccountsCurrentStampWhileEnabled() {
        AccountAccess access = new AccountAccess(Clock.systemUTC());
        assertThat(access.admits("hu-staff", 0)).as("not known here: minted for development").isTrue();

        access.learn(new AccountAccess.Access("hu-staff", true, 1));
        assertThat(access.admits("hu-staff", 0)).as("handed out before the change").isFalse();
        assertThat(access.admits("hu-staff", 1)).isTrue();
        assertThat(access.admits("hu-staff", 2)).as("handed out after a change this instance has not read yet").isTrue();

        access.learn(new AccountAccess.Access("hu-staff", false, 2));
        assertThat(access.admits("hu-staff", 1)).isFalse();
        assertThat(access.admits("hu-staff", 2)).as("disabled").isFalse();
    }

    @Test
    void newsReadBeforeAChangeDoesNotUndoIt() {
        AccountAccess access = new AccountAccess(Clock.systemUTC());
        access.learn(new AccountAccess.Access("leaver", false, 3));
        access.learn(new AccountAccess.Access("leaver", true, 2)); // the database, read a moment before the change
        assertThat(access.admits("leaver", 2)).isFalse();
        assertThat(access.admits("leaver", 3)).isFalse();
    }

    @Test
    void whatIsPublishedNamesNoOneAndHoldsOnlyChangesATokenMayStillCarry() {
        Instant[] now = {Instant.parse("2026-11-29T08:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        AccountAccess access = new AccountAccess(clock);
        access.learn(new AccountAccess.Access("unchanged", true, 0));
        access.learn(new AccountAccess.Access("leaver", false, 1));
        now[0] = now[0].plus(Duration.ofMinutes(50));
        access.learn(new AccountAccess.Access("mover", true, 2));
        access.learn(new AccountAccess.Access("leaver", false, 1)); // read again: no news
        assertThat(access.changedWithin(Duration.ofHours(1))).extracting(AccountAccess.Access::userId)
                .containsExactlyInAnyOrder("leaver", "mover");
        // An hour after the leaver's change no token is left that it ends: the list stays short.
        now[0] = now[0].plus(Duration.ofMinutes(15));
        assertThat(access.changedWithin(Duration.ofHours(1))).extracting(AccountAccess.Access::userId).containsExactly("mover");
        assertThat(access.admits("leaver", 1)).as("still known here").isFalse();

        assertThat(AccountAccess.published("leaver")).hasSize(64).doesNotContain("leaver")
                .isEqualTo(AccountAccess.published("leaver")).isNotEqualTo(AccountAccess.published("mover"));
    }
}
