package io.videoserver.stream;

import io.videoserver.shared.testdb.TestDatabase;
import io.videoserver.shared.testservice.AbstractServiceIntegrationTests;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * The whole service on a real database, with what every service promises alike; the
 * stream-service's own behaviour is tested by feature.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
@Import(TestDatabase.class)
class StreamApplicationIntegrationTests extends AbstractServiceIntegrationTests {

}
