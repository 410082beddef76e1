package io.videoserver.shared.consistency;

import java.io.IOException;
import java.util.List;

/**
 * Lists what the store holds, for the checker to compare with the database.
 */
interface StoreListing {

	/**
	 * Every name in the store, ladders folded into one name per version.
	 * @throws IOException when the store cannot be listed
	 */
	List<StoredName> list() throws IOException;

	/**
	 * Whether the store holds a name now (a ladder version: any of its files), to confirm
	 * a finding against a listing that may be older than the database rows it was
	 * compared with.
	 * @throws IOException when the store cannot be asked
	 */
	boolean exists(String name) throws IOException;

	/**
	 * The uploads begun and neither finished nor abandoned that the store keeps apart
	 * from its names (a bucket's incomplete multipart uploads), each with when it began;
	 * none for a directory, whose partial uploads are files among its names.
	 * @throws IOException when the store cannot be listed
	 */
	default List<StoredName> unfinishedUploads() throws IOException {
		return List.of();
	}

}
