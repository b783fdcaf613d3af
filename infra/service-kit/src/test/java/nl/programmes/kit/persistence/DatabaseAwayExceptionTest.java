package nl.programmes.kit.persistence;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLRecoverableException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean the database was not there (the records wait) and which that something was wrong (parked). */
class DatabaseAwayExceptionTest {

    @Test
    void aConnectionThatCouldNotBeHadOrBrokeOffIsTheDatabaseAway() {
        // Hikari, when no connection came within its timeout, under Micronaut's wrapper
        assertThat(DatabaseAwayException.isCause(new IllegalStateException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
        // Connector/J's communications failure is a recoverable exception with SQL state 08S01
        assertThat(DatabaseAwayException.isCause(new SQLRecoverableException("Communications link failure", "08S01"))).isTrue();
        // MariaDB going down: "Server shutdown in progress"
        assertThat(DatabaseAwayException.isCause(new RuntimeException(new SQLException("Server shutdown in progress", "08S01", 1053)))).isTrue();
        assertThat(DatabaseAwayException.isCause(new RuntimeException(new ConnectException("Connection refused")))).isTrue();
    }

    @Test
    void whatTheDatabaseRefusedIsNot() {
        assertThat(DatabaseAwayException.isCause(new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062))).isFalse();
        assertThat(DatabaseAwayException.isCause(new RuntimeException(new SQLSyntaxErrorException("Unknown column", "42S22", 1054)))).isFalse();
        assertThat(DatabaseAwayException.isCause(new IllegalArgumentException("No such announcement"))).isFalse();
        assertThat(DatabaseAwayException.isCause(null)).isFalse();
    }
}
