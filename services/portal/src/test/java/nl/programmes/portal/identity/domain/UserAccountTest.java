package nl.programmes.portal.identity.domain;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class UserAccountTest {

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
}
