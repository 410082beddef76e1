package io.videoserver.api.comment;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import io.videoserver.api.ControllerTest;
import io.videoserver.api.session.Sessions;
import io.videoserver.api.session.SignedIn;
import io.videoserver.api.web.ListingCache;
import io.videoserver.api.web.PageCursor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.videoserver.api.ErrorBodies.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/**
 * The controller with its service and a list cache that keeps nothing, over a mocked
 * repository.
 */
@ControllerTest(CommentController.class)
@Import({ CommentService.class, ListingCache.class })
@TestPropertySource(properties = "video.list-cache.ttl=0")
class CommentControllerTests {

	private static final String VID = "0b0a6a0e-3f57-4c8a-9d57-5d0f8f2f6a11";

	private static final String CID = "1c1b7b1f-4068-4d9b-8e68-6e1f9f3f7b22";

	private static final LocalDateTime POSTED = LocalDateTime.of(2026, 1, 2, 3, 4, 5, 678_000_000);

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private CommentRepository comments;

	@MockitoBean
	private Sessions sessions;

	private SignedIn viewer;

	@BeforeEach
	void signIn() {
		this.viewer = SignedIn.as(this.sessions, 8, "viewer", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b");
	}

	@Test
	void postAnswers201WithTheStoredComment() {
		given(this.comments.insertIfVisible(anyString(), eq(VID), eq(8L), eq("first! é🎬"))).willReturn(true);
		given(this.comments.findById(anyString())).willReturn(Optional.of(comment(CID, "first! é🎬", 1)));
		MvcTestResult result = post(VID, "{\"content\":\"first! \\u00e9\\ud83c\\udfac\"}");
		assertThat(result).hasStatus(201);
		assertThat(result).bodyJson().isStrictlyEqualTo("""
				{"id":"%s","video_id":"%s","author_id":8,"author":"viewer","content":"first! é🎬",
				 "time":"2026-01-02T03:04:05.678Z"}""".formatted(CID, VID));
	}

	@Test
	void postOnAMissingVideoAnswers404() {
		given(this.comments.insertIfVisible(anyString(), eq(VID), eq(8L), eq("hi"))).willReturn(false);
		assertErrorBody(post(VID, "{\"content\":\"hi\"}"), 404, "006");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"content\":\"\"}", "{\"content\":\"   \"}", "{not json" })
	void postWithoutContentAnswers400BeforeAnyQuery(String body) {
		assertErrorBody(post(VID, body), 400, "001");
		then(this.comments).should(never()).insertIfVisible(anyString(), anyString(), anyLong(), anyString());
	}

	@Test
	void contentMayTake2000CharactersAndNoMore() {
		given(this.comments.insertIfVisible(anyString(), eq(VID), eq(8L), anyString())).willReturn(true);
		given(this.comments.findById(anyString())).willReturn(Optional.of(comment(CID, "x".repeat(2000), 1)));
		assertThat(post(VID, "{\"content\":\"" + "x".repeat(2000) + "\"}")).hasStatus(201);
		assertErrorBody(post(VID, "{\"content\":\"" + "x".repeat(2001) + "\"}"), 400, "001");
	}

	@Test
	void postNeedsASessionAValidIdAndOnesOwnAuthorId() {
		assertErrorBody(this.mvc.post()
			.uri("/videos/{v}/comments", VID)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"content\":\"hi\"}")
			.exchange(), 401, "002");
		assertErrorBody(post("not-an-id", "{\"content\":\"hi\"}"), 400, "001");
		assertErrorBody(post(VID, "{\"content\":\"hi\",\"author_id\":999999}"), 403, "007");
		then(this.comments).should(never()).insertIfVisible(anyString(), anyString(), anyLong(), anyString());
	}

	@Test
	void aFullPageNamesTheNextOneByItsLastComment() {
		given(this.comments.videoVisible(VID, null)).willReturn(true);
		given(this.comments.list(VID, null, null, 3))
			.willReturn(List.of(comment("c3", "three", 3), comment("c2", "two", 2), comment("c1", "one", 1)));
		MvcTestResult result = this.mvc.get().uri("/videos/{v}/comments?limit=2", VID).exchange();
		assertThat(result).hasStatus(200);
		assertThat(result).bodyJson().extractingPath("$.comments[*].content").asArray().containsExactly("three", "two");
		assertThat(result).bodyJson().extractingPath("$.next").isEqualTo(new PageCursor(POSTED, 2).encode());
	}

	@Test
	void theLastPageHasNoNext() {
		PageCursor before = new PageCursor(POSTED, 2);
		given(this.comments.videoVisible(VID, null)).willReturn(true);
		given(this.comments.list(VID, null, before, 21)).willReturn(List.of(comment("c1", "one", 1)));
		MvcTestResult result = this.mvc.get().uri("/videos/{v}/comments?before={b}", VID, before.encode()).exchange();
		assertThat(result).hasStatus(200);
		assertThat(result).bodyJson().extractingPath("$").asMap().containsOnlyKeys("comments");
	}

	@Test
	void aPageOfCommentsIsOneQueryWithoutAnExistenceCheck() {
		given(this.comments.list(VID, null, null, 21)).willReturn(List.of(comment("c1", "one", 1)));
		assertThat(this.mvc.get().uri("/videos/{v}/comments", VID).exchange()).hasStatus(200);
		then(this.comments).should(never()).videoVisible(anyString(), any());
	}

	@Test
	void theSessionsUserReadsTheListAndAVideoHiddenFromThemIs404() {
		given(this.comments.list(VID, 8L, null, 21)).willReturn(List.of(comment("c1", "one", 1)));
		assertThat(this.viewer.sign(this.mvc.get().uri("/videos/{v}/comments", VID)).exchange()).hasStatus(200);
		assertErrorBody(this.mvc.get().uri("/videos/{v}/comments", VID).exchange(), 404, "006");
		then(this.comments).should().videoVisible(VID, null);
	}

	@Test
	void aVideoWithoutCommentsAnswersAnEmptyList() {
		given(this.comments.videoVisible(VID, null)).willReturn(true);
		MvcTestResult result = this.mvc.get().uri("/videos/{v}/comments", VID).exchange();
		assertThat(result).hasStatus(200);
		assertThat(result).bodyJson().isLenientlyEqualTo("{\"comments\":[]}");
	}

	@Test
	void commentsOfAMissingVideoAnswer404() {
		assertErrorBody(this.mvc.get().uri("/videos/{v}/comments", VID).exchange(), 404, "006");
	}

	@ParameterizedTest
	@ValueSource(strings = { "limit=0", "limit=101", "limit=abc", "before=garbage" })
	void badPagingParametersAnswer400BeforeAnyQuery(String query) {
		assertErrorBody(this.mvc.get().uri("/videos/" + VID + "/comments?" + query).exchange(), 400, "001");
		then(this.comments).should(never()).list(anyString(), any(), any(), anyInt());
	}

	@Test
	void aMalformedVideoIdAnswers400() {
		assertErrorBody(this.mvc.get().uri("/videos/not-an-id/comments").exchange(), 400, "001");
	}

	private MvcTestResult post(String vid, String body) {
		return this.viewer.sign(this.mvc.post().uri("/videos/{v}/comments", vid))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private static Comment comment(String id, String content, long seq) {
		return new Comment(id, VID, 8, "viewer", content, POSTED, seq);
	}

}
