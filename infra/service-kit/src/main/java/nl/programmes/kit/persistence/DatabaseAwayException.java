package nl.programmes.kit.persistence;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * The service's database could not be reached (a restart, a failover, a network cut). While events are applied, nothing
 * is wrong with the events, so none of them is parked: the listener lets this through, and its error strategy reads the
 * same records again after a pause until the database answers (parking them left the read model without them until an
 * operator replayed every one). A request that meets it is a 503 that says so ({@code ProblemHandlers.Unexpected}).
 */
public class DatabaseAwayException extends RuntimeException {

    public DatabaseAwayException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether a failure means the database was not there, rather than that something was wrong with what was written:
     * no connection from the pool in time, a connection refused or broken off (Connector/J's communications failure),
     * or any SQL state of class 08 (connection exception, such as MariaDB's "server shutdown in progress").
     */
    public static boolean isCause(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof SQLRecoverableException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
