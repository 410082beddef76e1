package io.videoserver.stream.upload;

import java.io.IOException;
import java.io.InputStream;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;

/**
 * Finds the {@code file} part of the original's upload form and hands it over as a stream
 * read straight from the request, through Commons FileUpload's streaming API, so that no
 * part is buffered in memory or on disk.
 *
 * @param request the upload's request
 * @param maxFileSize the largest accepted file, in bytes
 */
record MultipartBody(HttpServletRequest request, long maxFileSize) implements UploadBody {

	static final String FIELD = "file";

	/** Room for the part headers and boundaries around a file of the maximum size. */
	private static final long OVERHEAD = 1024 * 1024;

	private static final int MAX_PARTS = 16;

	/**
	 * What a form may add to its file: boundaries, part headers and a few small fields (a
	 * browser's form with one file adds a few hundred bytes).
	 */
	static final long FRAMING = 64 * 1024;

	/**
	 * The least the file of a form of this length can have, for a check before reading.
	 * @param contentLength the request's Content-Length, -1 when not declared
	 * @return the file's least size, 0 when unknown
	 */
	static long fileLength(long contentLength) {
		return Math.max(0, contentLength - FRAMING);
	}

	@Override
	public long declaredBytes() {
		return fileLength(this.request.getContentLengthLong());
	}

	@Override
	public InputStream open() throws IOException {
		return filePart(this.request, this.maxFileSize);
	}

	static InputStream filePart(HttpServletRequest request, long maxFileSize) throws IOException {
		if (!JakartaServletFileUpload.isMultipartContent(request)) {
			throw new ApiException(ErrorCode.BAD_REQUEST, "Expected multipart/form-data with a file field");
		}
		JakartaServletFileUpload<DiskFileItem, DiskFileItemFactory> upload = new JakartaServletFileUpload<>();
		upload.setMaxSize(maxFileSize + OVERHEAD);
		try {
			FileItemInputIterator items = upload.getItemIterator(request);
			for (int part = 0; part < MAX_PARTS && items.hasNext(); part++) {
				FileItemInput item = items.next();
				if (!item.isFormField() && FIELD.equals(item.getFieldName())) {
					return item.getInputStream();
				}
			}
		}
		catch (FileUploadSizeException ex) {
			throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The video is larger than " + maxFileSize + " bytes");
		}
		catch (IOException ex) {
			throw new UploadInterruptedException();
		}
		throw new ApiException(ErrorCode.BAD_REQUEST, "The form has no file field");
	}

}
