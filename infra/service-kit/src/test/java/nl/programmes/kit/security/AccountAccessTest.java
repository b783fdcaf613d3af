package nl.programmes.kit.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountAccessTest {

    @Test
    void aTokenOpensASessionOnlyWithItsAccountsCurrentStampWhileEnabled() {
        AccountAccess access = new AccountAccess();
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
        AccountAccess access = new AccountAccess();
        access.learn(new AccountAccess.Access("leaver", false, 3));
        access.learn(new AccountAccess.Access("leaver", true, 2)); // the database, read a moment before the change
        assertThat(access.admits("leaver", 2)).isFalse();
        assertThat(access.admits("leaver", 3)).isFalse();
    }

    @Test
    void whatIsPublishedNamesNoOneAndHoldsOnlyChangedAccounts() {
        AccountAccess access = new AccountAccess();
        access.learn(new AccountAccess.Access("unchanged", true, 0));
        access.learn(new AccountAccess.Access("leaver", false, 1));
        access.learn(new AccountAccess.Access("mover", true, 2));
        assertThat(access.changed()).extracting(AccountAccess.Access::userId).containsExactlyInAnyOrder("leaver", "mover");
        assertThat(AccountAccess.published("leaver")).hasSize(64).doesNotContain("leaver")
                .isEqualTo(AccountAccess.published("leaver")).isNotEqualTo(AccountAccess.published("mover"));
    }
}
