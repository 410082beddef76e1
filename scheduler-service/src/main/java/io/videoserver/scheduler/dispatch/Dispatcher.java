package io.videoserver.scheduler.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims a batch of due rows under this replica's lease in one short transaction, then
 * hands them one by one to the executor through the bounded channel, waiting while the
 * executor is busy.
 */
public class Dispatcher {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private static final long OFFER_WAIT_MILLIS = 100;

	private static final int CLAIM_TIMEOUT_SECONDS = 10;

	private final DeletionQueue queue;

	private final TransactionOperations claimTransaction;

	private final BlockingQueue<Deletion> channel;

	private final int batchSize;

	private final Duration lease;

	private volatile boolean stopping;

	public Dispatcher(DeletionQueue queue, PlatformTransactionManager transactions, BlockingQueue<Deletion> channel,
			int batchSize, Duration lease) {
		this.queue = queue;
		this.claimTransaction = claimTransaction(transactions);
		this.channel = channel;
		this.batchSize = batchSize;
		this.lease = lease;
	}

	/**
	 * Claims and hands over one batch; rows it cannot hand over because shutdown began
	 * are released at once.
	 * @return the batch, for the round to wait on
	 */
	public ClaimedBatch dispatch() {
		List<ClaimedRow> rows = this.stopping ? List.of() : claim();
		long claimedAt = System.nanoTime();
		ClaimedBatch batch = new ClaimedBatch(rows.size(), rows.size() == this.batchSize);
		for (int i = 0; i < rows.size(); i++) {
			ClaimedRow row = rows.get(i);
			if (!handOver(new Deletion(row.videoId(), row.attempts(), claimedAt, batch))) {
				release(rows.subList(i, rows.size()), batch);
				break;
			}
		}
		return batch;
	}

	/**
	 * Stops handing over rows; the round in progress releases the rows it still holds.
	 */
	public void stop() {
		this.stopping = true;
	}

	List<ClaimedRow> claim() {
		List<ClaimedRow> rows = this.claimTransaction.execute((status) -> {
			List<ClaimedRow> due = this.queue.lockDue(this.batchSize);
			if (!due.isEmpty()) {
				this.queue.lease(due.stream().map(ClaimedRow::videoId).toList(), this.lease);
			}
			return due;
		});
		if (rows != null && !rows.isEmpty()) {
			log.debug("Replica {} claimed {} deletions", this.queue.owner(), rows.size());
		}
		return (rows != null) ? rows : List.of();
	}

	/**
	 * A short transaction: the claimed rows stay locked only from select to update, and
	 * READ COMMITTED takes no gap locks that could block the api-service's inserts.
	 */
	private static TransactionOperations claimTransaction(PlatformTransactionManager transactions) {
		TransactionTemplate template = new TransactionTemplate(transactions);
		template.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		template.setTimeout(CLAIM_TIMEOUT_SECONDS);
		return template;
	}

	private boolean handOver(Deletion deletion) {
		try {
			while (!this.stopping) {
				if (this.channel.offer(deletion, OFFER_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
					return true;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return false;
	}

	private void release(List<ClaimedRow> rows, ClaimedBatch batch) {
		List<String> ids = new ArrayList<>(rows.size());
		rows.forEach((row) -> ids.add(row.videoId()));
		// the pool would refuse an interrupted thread
		boolean interrupted = Thread.interrupted();
		try {
			this.queue.release(ids);
			log.info("Replica {} released {} unstarted deletions", this.queue.owner(), ids.size());
		}
		finally {
			ids.forEach((id) -> batch.finished());
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
