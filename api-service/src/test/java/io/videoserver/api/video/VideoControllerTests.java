package io.videoserver.api.video;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import io.videoserver.api.ControllerTest;
import io.videoserver.api.session.SessionUser;
import io.videoserver.api.session.Sessions;
import io.videoserver.api.session.SignedIn;
import io.videoserver.api.session.Viewer;
import io.videoserver.api.web.Listing;
import io.videoserver.api.web.PageCursor;
import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.videoserver.api.ErrorBodies.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;

@ControllerTest(VideoController.class)
class VideoControllerTests {

	private static final String VID = "0b0a6a0e-3f57-4c8a-9d57-5d0f8f2f6a11";

	private static final Viewer ANONYMOUS = new Viewer(null);

	private static final VideoFilter ALL = new VideoFilter(null, null, false, false);

	private static final LocalDateTime CREATED = LocalDateTime.of(2026, 1, 2, 3, 4, 5, 678_000_000);

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private VideoService videos;

	@MockitoBean
	private VideoSearch search;

	@MockitoBean
	private Sessions sessions;

	private SignedIn alice;

	@BeforeEach
	void signIn() {
		this.alice = SignedIn.as(this.sessions, 7, "alice", "6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b");
	}

	@Test
	void createAnswers201WithTheOriginalsFieldsAndNoneOfAFileYet() {
		given(this.videos.create(this.alice.user(), fields("My first video"))).willReturn(video(null));
		MvcTestResult result = create("alice", "{\"name\":\"My first video\"}");
		assertThat(result).hasStatus(201);
		assertThat(result).bodyJson().isStrictlyEqualTo("""
				{"id":"%s","author_id":7,"author":"alice","name":"My first video",
				 "display_ctime":"Jan 02 2026, 03:04:05","create_time":"2026-01-02T03:04:05.678Z",
				 "playable":false,"tags":[],"privacy":"public","views":0}""".formatted(VID));
	}

	@Test
	void createAcceptsTheSessionsOwnAuthorId() {
		given(this.videos.create(this.alice.user(), fields("x"))).willReturn(video(null));
		assertThat(create("alice", "{\"name\":\"x\",\"author_id\":7}")).hasStatus(201);
	}

	@Test
	void createForAnotherUserOrWithAForeignAuthorIdAnswers403() {
		assertErrorBody(create("bob", "{\"name\":\"x\"}"), 403, "007");
		assertErrorBody(create("alice", "{\"name\":\"x\",\"author_id\":8}"), 403, "007");
		then(this.videos).should(never()).create(any(SessionUser.class), any(VideoFields.class));
	}

	@Test
	void createWithoutASessionAnswers401() {
		MvcTestResult result = this.mvc.post()
			.uri("/user/alice/videos")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"x\"}")
			.exchange();
		assertErrorBody(result, 401, "002");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"name\":\"\"}", "{\"name\":\"   \"}", "{\"name\":null}", "{not json" })
	void createWithoutANameAnswers400(String body) {
		assertErrorBody(create("alice", body), 400, "001");
		then(this.videos).should(never()).create(any(SessionUser.class), any(VideoFields.class));
	}

	@Test
	void createWithATooLongNameAnswers400() {
		assertErrorBody(create("alice", "{\"name\":\"" + "n".repeat(201) + "\"}"), 400, "001");
	}

	@Test
	void getAnswersWhatTheStreamServiceReadFromTheFile() {
		given(this.videos.get(VID, ANONYMOUS)).willReturn(video(300_000L));
		MvcTestResult result = this.mvc.get().uri("/videos/{vid}", VID).exchange();
		assertThat(result).hasStatus(200);
		assertThat(result).bodyJson().isStrictlyEqualTo("""
				{"id":"%s","author_id":7,"author":"alice","name":"My first video",
				 "display_ctime":"Jan 02 2026, 03:04:05","create_time":"2026-01-02T03:04:05.678Z",
				 "size":300000,"duration_ms":75500,"width":1280,"height":720,"codec":"avc1","playable":true,
				 "tags":[],"privacy":"public","views":0}""".formatted(VID));
	}

	@Test
	void getOfAMissingOrMalformedIdAnswersTheServicesError() {
		given(this.videos.get(VID, ANONYMOUS)).willThrow(new ApiException(ErrorCode.NOT_FOUND, "No such video"));
		given(this.videos.get("not-a-uuid", ANONYMOUS))
			.willThrow(new ApiException(ErrorCode.BAD_REQUEST, "Invalid video id"));
		assertErrorBody(this.mvc.get().uri("/videos/{vid}", VID).exchange(), 404, "006");
		assertErrorBody(this.mvc.get().uri("/videos/not-a-uuid").exchange(), 400, "001");
	}

	@Test
	void aFullPageNamesTheNextOne() {
		PageCursor next = new PageCursor(CREATED, 41);
		given(this.videos.list(byAuthor("alice"), null, 1)).willReturn(new Listing<>(List.of(video(null)), next));
		MvcTestResult result = this.mvc.get().uri("/user/alice/videos?limit=1").exchange();
		assertThat(result).hasStatus(200);
		assertThat(result).bodyJson().extractingPath("$.videos[0].id").isEqualTo(VID);
		assertThat(result).bodyJson().extractingPath("$.next").isEqualTo(next.encode());
	}

	@Test
	void theNextValueComesBackAsTheCursor() {
		PageCursor before = new PageCursor(CREATED, 41);
		given(this.videos.list(ALL, before, 20)).willReturn(new Listing<>(List.of(), null));
		MvcTestResult result = this.mvc.get().uri("/videos?before=" + before.encode()).exchange();
		assertThat(result).hasStatus(200);
		assertThat(result).bodyJson().isStrictlyEqualTo("{\"videos\":[]}");
	}

	@Test
	void listOfAnUnknownUserAnswers404() {
		given(this.videos.list(byAuthor("ghost"), null, 20))
			.willThrow(new ApiException(ErrorCode.NOT_FOUND, "No such user"));
		assertErrorBody(this.mvc.get().uri("/user/ghost/videos").exchange(), 404, "006");
	}

	@ParameterizedTest
	@ValueSource(strings = { "limit=0", "limit=101", "limit=abc", "before=garbage", "before=bm90LWEtY3Vyc29y" })
	void badPagingParametersAnswer400BeforeAnyQuery(String query) {
		assertErrorBody(this.mvc.get().uri("/videos?" + query).exchange(), 400, "001");
		assertErrorBody(this.mvc.get().uri("/user/alice/videos?" + query).exchange(), 400, "001");
		then(this.videos).should(never()).list(any(), any(), anyInt());
	}

	@Test
	void patchByTheOwnerAnswersTheChangedVideo() {
		PatchVideoRequest patch = new PatchVideoRequest(null, "about", List.of("Cats"), "unlisted");
		given(this.videos.patch(this.alice.user(), VID, patch)).willReturn(video(null));
		MvcTestResult result = patch("alice",
				"{\"description\":\"about\",\"tags\":[\"Cats\"],\"privacy\":\"unlisted\"}");
		assertThat(result).hasStatus(200);
		assertThat(result).bodyJson().extractingPath("$.id").isEqualTo(VID);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\":\"  \"}", "{\"privacy\":\"friends\"}", "{\"tags\":{\"a\":1}}", "[]" })
	void patchWithABadFieldAnswers400BeforeTheService(String body) {
		assertErrorBody(patch("alice", body), 400, "001");
		then(this.videos).should(never()).patch(any(), anyString(), any());
	}

	@Test
	void patchUnderAnotherNameOrWithoutASessionIsRefused() {
		assertErrorBody(patch("bob", "{\"name\":\"x\"}"), 403, "007");
		assertErrorBody(this.mvc.patch()
			.uri("/user/alice/videos/{vid}", VID)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"x\"}")
			.exchange(), 401, "002");
		then(this.videos).should(never()).patch(any(), anyString(), any());
	}

	@Test
	void theSessionIsTheViewerOfAGetAndAnAbsentOneIsAnonymous() {
		given(this.videos.get(VID, new Viewer(this.alice.user()))).willReturn(video(null));
		assertThat(this.alice.sign(this.mvc.get().uri("/videos/{vid}", VID)).exchange()).hasStatus(200);
		given(this.videos.get(VID, ANONYMOUS)).willThrow(new ApiException(ErrorCode.NOT_FOUND, "No such video"));
		assertErrorBody(this.mvc.get().uri("/videos/{vid}", VID).exchange(), 404, "006");
	}

	@Test
	void theOwnerReadsTheirListAsTheOwnerAndOthersAsThePublic() {
		given(this.videos.list(any(), any(), anyInt())).willReturn(new Listing<>(List.of(), null));
		assertThat(this.alice.sign(this.mvc.get().uri("/user/alice/videos?order=views")).exchange()).hasStatus(200);
		then(this.videos).should().list(new VideoFilter("alice", null, true, true), null, 20);
		assertThat(this.mvc.get().uri("/user/alice/videos").exchange()).hasStatus(200);
		then(this.videos).should().list(new VideoFilter("alice", null, false, false), null, 20);
	}

	@Test
	void aQueryIsASearchATagAListAndABlankQueryTheNormalList() {
		given(this.search.search(anyString(), any(), anyInt())).willReturn(new Listing<>(List.of(video(null)), null));
		given(this.videos.list(any(), any(), anyInt())).willReturn(new Listing<>(List.of(), null));
		assertThat(this.mvc.get().uri("/videos?q={q}", "北京 cats").exchange()).bodyJson()
			.extractingPath("$.videos[0].id")
			.isEqualTo(VID);
		then(this.search).should().search("北京 cats", null, 20);
		this.mvc.get().uri("/videos?tag={t}", " Funny  Cats ").exchange();
		then(this.videos).should().list(new VideoFilter(null, "funny cats", false, false), null, 20);
		this.mvc.get().uri("/videos?q={q}", "  ").exchange();
		then(this.videos).should().list(ALL, null, 20);
	}

	@ParameterizedTest
	@ValueSource(strings = { "order=oldest", "tag=", "q=cats&tag=x", "q=cats&order=views" })
	void badListParametersAnswer400BeforeAnyQuery(String query) {
		assertErrorBody(this.mvc.get().uri("/videos?" + query).exchange(), 400, "001");
		then(this.videos).should(never()).list(any(), any(), anyInt());
		then(this.search).should(never()).search(anyString(), any(), anyInt());
	}

	@Test
	void aQueryOver200CharactersAnswers400() {
		MvcTestResult result = this.mvc.get().uri("/videos?q={q}", "q".repeat(201)).exchange();
		assertErrorBody(result, 400, "001");
		assertThat(result).bodyJson().extractingPath("$.error").isEqualTo("q must be at most 200 characters");
		then(this.search).should(never()).search(anyString(), any(), anyInt());
	}

	@Test
	void deleteByTheOwnerAnswers204() {
		MvcTestResult result = this.alice.sign(this.mvc.delete().uri("/user/alice/videos/{vid}", VID)).exchange();
		assertThat(result).hasStatus(204);
		assertThat(result.getResponse().getContentLength()).isZero();
		then(this.videos).should().delete(this.alice.user(), VID);
	}

	@Test
	void deleteUnderAnotherNameAnswers403AndOfSomeoneElsesVideoTheServicesError() {
		assertErrorBody(this.alice.sign(this.mvc.delete().uri("/user/bob/videos/{vid}", VID)).exchange(), 403, "007");
		willThrow(new ApiException(ErrorCode.FORBIDDEN, "Only the author may delete this video")).given(this.videos)
			.delete(this.alice.user(), VID);
		assertErrorBody(this.alice.sign(this.mvc.delete().uri("/user/alice/videos/{vid}", VID)).exchange(), 403, "007");
	}

	@Test
	void deleteWithoutASessionAnswers401() {
		assertErrorBody(this.mvc.delete().uri("/user/alice/videos/{vid}", VID).exchange(), 401, "002");
		then(this.videos).should(never()).delete(any(SessionUser.class), anyString());
	}

	@Test
	void anUploadOfAnotherContainerIsQueuedAndNotPlayableYet() {
		given(this.videos.get(VID, ANONYMOUS))
			.willReturn(video(300_000L, new Transcode("upload", "queued", 0, null, null, null)));
		MvcTestResult result = this.mvc.get().uri("/videos/{vid}", VID).exchange();
		assertThat(result).hasStatus(200);
		assertThat(result).bodyJson().extractingPath("$.playable").isEqualTo(false);
		assertThat(result).bodyJson()
			.extractingPath("$.processing")
			.isEqualTo(Map.of("state", "queued", "progress", 0));
		assertThat(result).bodyJson().doesNotHavePath("$.hls").doesNotHavePath("$.renditions");
	}

	@Test
	void aRunningJobShowsItsProgressAndAStoredMp4StaysPlayable() {
		given(this.videos.get(VID, ANONYMOUS))
			.willReturn(video(300_000L, new Transcode("video", "running", 42, "an earlier try timed out", null, null)));
		MvcTestResult result = this.mvc.get().uri("/videos/{vid}", VID).exchange();
		assertThat(result).bodyJson().extractingPath("$.playable").isEqualTo(true);
		assertThat(result).bodyJson()
			.extractingPath("$.processing")
			.as("a retry's earlier error is not a failure")
			.isEqualTo(Map.of("state", "running", "progress", 42));
	}

	@Test
	void aReadyVideoNamesItsLadderAndItsHeights() {
		given(this.videos.get(VID, ANONYMOUS))
			.willReturn(video(300_000L, new Transcode("upload", "ready", 100, null, "k3x9", "240,480,720")));
		MvcTestResult result = this.mvc.get().uri("/videos/{vid}", VID).exchange();
		assertThat(result).bodyJson().isStrictlyEqualTo("""
				{"id":"%s","author_id":7,"author":"alice","name":"My first video",
				 "display_ctime":"Jan 02 2026, 03:04:05","create_time":"2026-01-02T03:04:05.678Z",
				 "size":300000,"duration_ms":75500,"width":1280,"height":720,"codec":"avc1","playable":true,
				 "processing":{"state":"ready","progress":100},
				 "hls":"/videos/%s/hls/k3x9/master.m3u8","renditions":[240,480,720],
				 "tags":[],"privacy":"public","views":0}""".formatted(VID, VID));
	}

	@Test
	void aFailedJobSaysWhyAndAnUploadItCouldNotReadIsNotPlayable() {
		given(this.videos.get(VID, ANONYMOUS)).willReturn(video(300_000L,
				new Transcode("upload", "failed", 37, "The file ends in the middle of a frame", null, null)));
		MvcTestResult result = this.mvc.get().uri("/videos/{vid}", VID).exchange();
		assertThat(result).bodyJson().extractingPath("$.playable").isEqualTo(false);
		assertThat(result).bodyJson()
			.extractingPath("$.processing")
			.isEqualTo(Map.of("state", "failed", "progress", 37, "error", "The file ends in the middle of a frame"));
	}

	@Test
	void aReUploadBeingProcessedKeepsThePublishedLadder() {
		given(this.videos.get(VID, ANONYMOUS))
			.willReturn(video(300_000L, new Transcode("upload", "queued", 0, null, "k3x9", "240")));
		MvcTestResult result = this.mvc.get().uri("/videos/{vid}", VID).exchange();
		assertThat(result).bodyJson().extractingPath("$.playable").isEqualTo(false);
		assertThat(result).bodyJson()
			.extractingPath("$.hls")
			.isEqualTo("/videos/%s/hls/k3x9/master.m3u8".formatted(VID));
		assertThat(result).bodyJson().extractingPath("$.renditions").isEqualTo(List.of(240));
	}

	@Test
	void aLadderVersionTheStoreCouldNotHoldIsNotOffered() {
		given(this.videos.get(VID, ANONYMOUS))
			.willReturn(video(300_000L, new Transcode("video", "ready", 100, null, "../x", "240")));
		MvcTestResult result = this.mvc.get().uri("/videos/{vid}", VID).exchange();
		assertThat(result).bodyJson().doesNotHavePath("$.hls").doesNotHavePath("$.renditions");
	}

	@Test
	void everyListCarriesEachVideosProcessingState() {
		Video ready = video(300_000L, new Transcode("upload", "ready", 100, null, "v1", "240,480"));
		Video running = video(300_000L, new Transcode("upload", "running", 12, null, null, null));
		given(this.videos.list(ALL, null, 20)).willReturn(new Listing<>(List.of(ready, running, video(null)), null));
		given(this.videos.list(byAuthor("alice"), null, 20))
			.willReturn(new Listing<>(List.of(ready, running, video(null)), null));
		for (String uri : List.of("/videos", "/user/alice/videos")) {
			MvcTestResult result = this.mvc.get().uri(uri).exchange();
			assertThat(result).bodyJson().extractingPath("$.videos[*].playable").isEqualTo(List.of(true, false, false));
			assertThat(result).bodyJson().extractingPath("$.videos[0].renditions").isEqualTo(List.of(240, 480));
			assertThat(result).bodyJson().extractingPath("$.videos[1].processing.progress").isEqualTo(12);
			assertThat(result).bodyJson().doesNotHavePath("$.videos[1].hls").doesNotHavePath("$.videos[2].processing");
		}
	}

	private MvcTestResult create(String userName, String body) {
		return this.alice.sign(this.mvc.post().uri("/user/{name}/videos", userName))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private MvcTestResult patch(String userName, String body) {
		return this.alice.sign(this.mvc.patch().uri("/user/{n}/videos/{vid}", userName, VID))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private static VideoFields fields(String name) {
		return new VideoFields(name, null, List.of(), "public");
	}

	private static VideoFilter byAuthor(String name) {
		return new VideoFilter(name, null, false, false);
	}

	private static Video video(Long size) {
		return video(size, null);
	}

	private static Video video(Long size, Transcode transcode) {
		boolean known = size != null;
		return new Video(VID, 7, "alice", "My first video", null, CREATED, size, 41, known ? 75_500L : null,
				known ? 1280 : null, known ? 720 : null, known ? "avc1" : null, null, List.of(), "public", 0,
				transcode);
	}

}
