package nl.programmes.portal.identity.domain;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AccountAccessTest {

    private final UserAccount staff = UserAccount.created("hu-staff", "Beleidsmedewerker", "hu", Set.of("CONSULTEE"), "hash", true);

    @Test
    void changesToWhatAnAccountMayDoOrProveEndItsSessionsAndANewNameDoesNot() {
        assertThat(staff.changedTo("Andere naam", Set.of("CONSULTEE"), "hash", true).accessStamp()).isZero();
        assertThat(staff.changedTo(staff.displayName(), Set.of("CONSULTEE", "INSTITUTION_STAFF"), "hash", true).accessStamp()).isEqualTo(1);
        assertThat(staff.changedTo(staff.displayName(), Set.of("CONSULTEE"), "other hash", true).accessStamp()).isEqualTo(1);
        UserAccount disabled = staff.changedTo(staff.displayName(), Set.of("CONSULTEE"), "hash", false);
        assertThat(disabled.accessStamp()).isEqualTo(1);
        // Enabling again raises it too, so two accounts with one stamp always have the same access.
        assertThat(disabled.changedTo(staff.displayName(), Set.of("CONSULTEE"), "hash", true).accessStamp()).isEqualTo(2);
    }

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
}
