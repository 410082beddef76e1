package io.videoserver.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Parks the services' transactions at known statements, without a hook in the services: a
 * transaction of the test's own holds row locks (and, in REPEATABLE READ, the gaps a
 * locking read finds empty) that those statements need, so that InnoDB keeps each of them
 * waiting there, and the test sees which wait ({@code INNODB_TRX}) before it restarts the
 * database under them.
 */
final class ParkedTransactions implements AutoCloseable {

	private static final String WAITING = """
			SELECT trx_query, trx_rows_modified, trx_rows_locked, trx_mysql_thread_id
			FROM information_schema.INNODB_TRX
			WHERE trx_state = 'LOCK WAIT' AND trx_mysql_thread_id <> CONNECTION_ID()
			""";

	/**
	 * How often to look: InnoDB refreshes what {@code INNODB_TRX} shows only when it was
	 * not read for 0.1 s, so a poll every 20 ms saw the same (empty) list for ever.
	 */
	private static final Duration POLL = Duration.ofMillis(120);

	private final Connection connection;

	/**
	 * @param url the database's JDBC URL (user root, empty password)
	 */
	ParkedTransactions(String url) throws SQLException {
		this.connection = DriverManager.getConnection(url, "root", "");
		this.connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
		this.connection.setAutoCommit(false);
	}

	/**
	 * Locks what a locking read ({@code … FOR UPDATE}) finds, to the end of the test's
	 * transaction.
	 * @return how many rows it locked
	 */
	int lock(String sql, Object... parameters) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			int rows = 0;
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					rows++;
				}
			}
			return rows;
		}
	}

	/**
	 * Looks until a waiting transaction matches each of the expected ones, or the time is
	 * up.
	 * @param expected what each expected wait is called, and how it is recognised
	 * @return the first wait seen for each name that was seen
	 */
	Map<String, Wait> await(Map<String, Predicate<Wait>> expected, Duration timeout)
			throws SQLException, InterruptedException {
		Map<String, Wait> seen = new LinkedHashMap<>();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			List<Wait> waits = waiting();
			expected.forEach((name,
					test) -> waits.stream().filter(test).findFirst().ifPresent((wait) -> seen.putIfAbsent(name, wait)));
			if (seen.keySet().containsAll(expected.keySet()) || System.nanoTime() > deadline) {
				return seen;
			}
			Thread.sleep(POLL.toMillis());
		}
	}

	/** The other transactions that wait for a lock now. */
	List<Wait> waiting() throws SQLException {
		List<Wait> waits = new ArrayList<>();
		try (PreparedStatement statement = this.connection.prepareStatement(WAITING);
				ResultSet result = statement.executeQuery()) {
			while (result.next()) {
				waits.add(new Wait(String.valueOf(result.getString(1)), result.getLong(2), result.getLong(3),
						result.getLong(4)));
			}
		}
		return waits;
	}

	/**
	 * Closes the connections of the waiting transactions, as a shutdown of the server
	 * does, while the test still holds the locks they wait for: each is rolled back where
	 * it waits. (A shutdown alone kills connections in its own order: when it killed the
	 * test's first, a parked INSERT got its lock and committed before its own connection
	 * went.)
	 */
	void kill(Collection<Wait> waits) throws SQLException {
		for (Wait wait : waits) {
			try (PreparedStatement statement = this.connection.prepareStatement("KILL CONNECTION ?")) {
				statement.setLong(1, wait.thread());
				statement.execute();
			}
		}
	}

	/** Ends the test's transaction, if the server still knows it, and its connection. */
	@Override
	public void close() {
		try {
			this.connection.close();
		}
		catch (SQLException ex) {
			// the database restarted under it: there is nothing left to close
		}
	}

	/**
	 * A transaction waiting for a lock.
	 *
	 * @param query the statement it waits in
	 * @param rowsModified the rows it has written so far
	 * @param rowsLocked the rows it holds locked
	 * @param thread the server's id of its connection
	 */
	record Wait(String query, long rowsModified, long rowsLocked, long thread) {

		boolean runs(String statement, String value) {
			return this.query.replaceAll("\\s+", " ").startsWith(statement) && this.query.contains("'" + value + "'");
		}

		@Override
		public String toString() {
			String statement = this.query.replaceAll("\\s+", " ");
			return statement.substring(0, Math.min(100, statement.length())) + " (" + this.rowsModified
					+ " rows written, " + this.rowsLocked + " locked)";
		}

	}

}
