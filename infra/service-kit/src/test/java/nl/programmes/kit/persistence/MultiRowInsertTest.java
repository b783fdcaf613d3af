package nl.programmes.kit.persistence;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MultiRowInsertTest {

    @Test
    void takesSingleRowInsertsOfPlaceholdersOnly() {
        assertThat(MultiRowInsert.of("INSERT INTO t (a, b) VALUES (?, ?)")).isPresent();
        assertThat(MultiRowInsert.of("INSERT IGNORE INTO t (a) VALUES (?)")).isPresent();
        assertThat(MultiRowInsert.of("""
                INSERT INTO t (a, b) VALUES (?, ?)
                ON DUPLICATE KEY UPDATE b = IF(VALUES(b) = '', b, VALUES(b))""")).isPresent();
        assertThat(MultiRowInsert.of("INSERT INTO t (a, b) VALUES (?, NOW())")).isEmpty();
        assertThat(MultiRowInsert.of("INSERT INTO t (a, b) VALUES (?, ?) ON DUPLICATE KEY UPDATE b = ?")).isEmpty();
        assertThat(MultiRowInsert.of("UPDATE t SET a = ? WHERE b = ?")).isEmpty();
        assertThat(MultiRowInsert.of("INSERT INTO t (a) SELECT a FROM u WHERE b = ?")).isEmpty();
    }

    @Test
    void copiesConstantsOfTheRowIntoEveryRow() {
        MultiRowInsert insert = MultiRowInsert.of("INSERT INTO t (a, status, n, x, b) VALUES (?, 'ANNOUNCED', -2.5, NULL, ?)").orElseThrow();
        List<String> statements = insert.statements(List.of(new Object[]{"one", 1}, new Object[]{"it's ?", 2}));

        assertThat(statements).containsExactly("INSERT INTO t (a, status, n, x, b) VALUES "
                + "('one','ANNOUNCED',-2.5,NULL,1),('it''s ?','ANNOUNCED',-2.5,NULL,2)");
        assertThatThrownBy(() -> insert.statements(List.<Object[]>of(new Object[]{"one", 1, "three"})))
                .isInstanceOf(IllegalArgumentException.class);
        // A constant that would need escaping, or an expression, leaves the statement to JDBC batching.
        assertThat(MultiRowInsert.of("INSERT INTO t (a, b) VALUES (?, 'it''s')")).isEmpty();
        assertThat(MultiRowInsert.of("INSERT INTO t (a, b) VALUES (?, CONCAT(?, 'x'))")).isEmpty();
    }

    @Test
    void writesRowsAsLiteralsInOrder() {
        MultiRowInsert insert = MultiRowInsert.of("INSERT IGNORE INTO t (a, b, c, d, e, f) VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE b = VALUES(b)")
                .orElseThrow();
        List<String> statements = insert.statements(List.of(
                new Object[]{"Enschede", 7, true, null, new BigDecimal("1.50"), Date.valueOf(LocalDate.of(2025, 3, 4))},
                new Object[]{"O'Brien; DROP TABLE t", 8L, false, Timestamp.valueOf(LocalDateTime.of(2025, 3, 4, 5, 6, 7, 8_009_500)),
                        BigDecimal.TEN, LocalDate.of(2030, 9, 1)}));

        assertThat(statements).containsExactly("INSERT IGNORE INTO t (a, b, c, d, e, f) VALUES "
                + "('Enschede',7,TRUE,NULL,1.50,'2025-03-04'),"
                + "('O''Brien; DROP TABLE t',8,FALSE,'2025-03-04 05:06:07.008010',10,'2030-09-01')"
                + " ON DUPLICATE KEY UPDATE b = VALUES(b)");
    }

    @Test
    void quotesAreDoubledAndBackslashesOrControlCharactersGoAsHexadecimalUtf8() {
        assertThat(literal("it's „café\"\n")).isEqualTo("'it''s „café\"\n'");
        assertThat(literal("'")).isEqualTo("''''");
        assertThat(literal("é\\")).isEqualTo("_utf8mb4 X'C3A95C'");
        assertThat(literal("a\u0000")).isEqualTo("_utf8mb4 X'6100'");
    }

    private static String literal(Object value) {
        StringBuilder sql = new StringBuilder();
        SqlLiterals.append(sql, value);
        return sql.toString();
    }

    @Test
    void refusesTypesItCannotWriteFaithfully() {
        assertThatThrownBy(() -> SqlLiterals.append(new StringBuilder(), 1.5d)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqlLiterals.append(new StringBuilder(), java.time.Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
        MultiRowInsert insert = MultiRowInsert.of("INSERT INTO t (a, b) VALUES (?, ?)").orElseThrow();
        assertThatThrownBy(() -> insert.statements(List.<Object[]>of(new Object[]{"only one"})))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void splitsBigRunsBelowThePacketLimitKeepingEveryRowOnce() {
        MultiRowInsert insert = MultiRowInsert.of("INSERT INTO t (n, s) VALUES (?, ?)").orElseThrow();
        List<Object[]> rows = new ArrayList<>();
        for (int n = 0; n < 5_000; n++) {
            rows.add(new Object[]{n, "x".repeat(500)});
        }

        List<String> statements = insert.statements(rows);

        assertThat(statements).hasSizeGreaterThan(1)
                .allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(MultiRowInsert.MAX_STATEMENT_CHARS))
                .allSatisfy(s -> assertThat(s).startsWith("INSERT INTO t (n, s) VALUES (").doesNotContain("VALUES ,"));
        String all = String.join("", statements);
        for (int n : new int[]{0, 1, 2_000, 4_999}) {
            assertThat(all).containsOnlyOnce("(" + n + ",'");
        }
        assertThat(java.util.regex.Pattern.compile("\\(\\d+,'x").matcher(all).results().count()).isEqualTo(5_000);
    }
}
