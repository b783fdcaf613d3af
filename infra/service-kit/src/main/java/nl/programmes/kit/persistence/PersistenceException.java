package nl.programmes.kit.persistence;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

/** A database failure; the transaction rolls back and nothing of the command is written. */
public class PersistenceException extends RuntimeException {

    public PersistenceException(SQLException cause) {
        super(cause);
    }

    public boolean isDuplicateKey() {
        return getCause() instanceof SQLIntegrityConstraintViolationException;
    }
}
