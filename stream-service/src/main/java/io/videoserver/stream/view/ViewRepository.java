package io.videoserver.stream.view;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes counted views: {@code video_view} remembers who was counted in which window on
 * any replica, and {@code video_info.view_count} grows by the rows that were new.
 */
final class ViewRepository {

	private final JdbcTemplate jdbc;

	private final JdbcClient client;

	private final TransactionTemplate transactions;

	ViewRepository(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.client = JdbcClient.create(this.jdbc);
		this.transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
	}

	/**
	 * Writes one batch in one transaction: the videos' rows are locked first, in id
	 * order, so that two replicas writing the same videos wait for each other instead of
	 * deadlocking on the shared locks the foreign key check takes; then the views go in
	 * with INSERT IGNORE (a row another replica wrote already, or one of a video deleted
	 * meanwhile, is skipped) and each video's count grows by its new rows.
	 * @param batch distinct views, in {@link ViewKey#WRITE_ORDER}
	 * @return how many views were new
	 */
	int write(List<ViewKey> batch) {
		Integer added = this.transactions.execute((status) -> {
			List<String> vids = batch.stream().map(ViewKey::vid).distinct().sorted().toList();
			this.client.sql("SELECT id FROM video_info WHERE id IN (:ids) ORDER BY id FOR UPDATE")
				.param("ids", vids)
				.query(String.class)
				.list();
			int[] inserted = this.jdbc.batchUpdate(
					"INSERT IGNORE INTO video_view (video_id, viewer, window_start) VALUES (?, ?, ?)",
					new BatchPreparedStatementSetter() {

						@Override
						public void setValues(PreparedStatement statement, int i) throws SQLException {
							ViewKey key = batch.get(i);
							statement.setString(1, key.vid());
							statement.setBytes(2, key.viewer().bytes());
							statement.setObject(3, key.windowStart());
						}

						@Override
						public int getBatchSize() {
							return batch.size();
						}

					});
			Map<String, Integer> newViews = newViewsByVideo(batch, inserted);
			this.jdbc.batchUpdate("UPDATE video_info SET view_count = view_count + ? WHERE id = ?",
					newViews.entrySet()
						.stream()
						.map((entry) -> new Object[] { entry.getValue(), entry.getKey() })
						.toList());
			return newViews.values().stream().mapToInt(Integer::intValue).sum();
		});
		return (added != null) ? added : 0;
	}

	/**
	 * Per video, the rows the batch inserted: each statement's own count (1 inserted, 0
	 * ignored), which the driver reports as long as it does not rewrite the batch into
	 * one multi-row statement (Connector/J's {@code rewriteBatchedStatements}, off).
	 */
	private static Map<String, Integer> newViewsByVideo(List<ViewKey> batch, int[] inserted) {
		Map<String, Integer> newViews = new TreeMap<>();
		for (int i = 0; i < inserted.length; i++) {
			if (inserted[i] == Statement.SUCCESS_NO_INFO) {
				throw new IllegalStateException("The JDBC driver rewrote the batch and hid which views were new");
			}
			if (inserted[i] > 0) {
				newViews.merge(batch.get(i).vid(), 1, Integer::sum);
			}
		}
		return newViews;
	}

	/**
	 * Deletes up to {@code limit} rows of windows that started before {@code before}:
	 * small deletes keep each one's locks short beside the writes of current windows.
	 * @return how many rows went
	 */
	int purge(LocalDateTime before, int limit) {
		return this.client.sql("DELETE FROM video_view WHERE window_start < :before LIMIT :limit")
			.param("before", before)
			.param("limit", limit)
			.update();
	}

}
