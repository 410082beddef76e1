package io.videoserver.stream.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based fuzzing of the multipart upload path with forms that are mostly almost
 * right (boundaries, part headers, field names, truncation, garbage): the parser either
 * hands over the file part as a stream or refuses with a client error (400, 413), and no
 * other exception ever escapes.
 */
class MultipartFuzzTests {

	private static final long MAX_FILE = 4096;

	@Property
	void anyFormIsReadOrRefusedAsAClientError(@ForAll("forms") Form form) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/upload/x");
		request.setContentType(form.contentType());
		request.setContent(form.body());
		try (InputStream part = MultipartBody.filePart(request, MAX_FILE)) {
			drain(part);
		}
		catch (ApiException ex) {
			assertThat(ex.code()).isIn(ErrorCode.BAD_REQUEST, ErrorCode.PAYLOAD_TOO_LARGE);
		}
		catch (IOException ex) {
			// a malformed part body: the upload answers
			// it 400/001 (UploadInterruptedException)
		}
	}

	private static void drain(InputStream part) throws IOException {
		byte[] buffer = new byte[1024];
		while (part.read(buffer) >= 0) {
			// the store would write these bytes to the .part file
		}
	}

	@Provide
	Arbitrary<Form> forms() {
		Arbitrary<String> boundary = Arbitraries.oneOf(Arbitraries.of("b0und", "----WebKitFormBoundary7MA4YWxk", "x"),
				Arbitraries.strings().alpha().numeric().ofMinLength(0).ofMaxLength(72));
		return Combinators
			.combine(boundary, parts(), Arbitraries.of("", "--", "\r\n", "--\r\n"),
					Arbitraries.integers().between(0, 100),
					Arbitraries.of("multipart/form-data; boundary=", "multipart/form-data;boundary=",
							"multipart/mixed; boundary=", "text/plain; boundary=", "multipart/form-data"))
			.as(MultipartFuzzTests::form);
	}

	private static Form form(String boundary, List<Part> parts, String ending, int truncatePercent, String type) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (Part part : parts) {
			body.writeBytes(("--" + boundary + "\r\n" + part.headers() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
			body.writeBytes(part.content());
			body.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
		}
		body.writeBytes(("--" + boundary + ending).getBytes(StandardCharsets.ISO_8859_1));
		byte[] bytes = body.toByteArray();
		int keep = (truncatePercent >= 90) ? bytes.length : bytes.length * truncatePercent / 90;
		return new Form(type + boundary, java.util.Arrays.copyOf(bytes, keep));
	}

	private static Arbitrary<List<Part>> parts() {
		Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of("file", "FILE", "file2", "", "fi\"le"),
				Arbitraries.strings().ofMaxLength(10));
		Arbitrary<String> headers = Combinators
			.combine(name, Arbitraries.of("; filename=\"a.mp4\"", "", "; filename=", "; filename=\"../../x\""),
					Arbitraries.of("Content-Type: video/mp4\r\n", "", "Content-Type: \r\n", "X: y\r\nZ"))
			.as((field, file, more) -> "Content-Disposition: form-data; name=\"" + field + "\"" + file + "\r\n" + more);
		Arbitrary<byte[]> content = Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
				Arbitraries.integers().between(0, 9000).map(byte[]::new));
		return Combinators.combine(Arbitraries.oneOf(headers, Arbitraries.strings().ofMaxLength(50)), content)
			.as(Part::new)
			.list()
			.ofMaxSize(4);
	}

	record Part(String headers, byte[] content) {
	}

	record Form(String contentType, byte[] body) {
	}

}
