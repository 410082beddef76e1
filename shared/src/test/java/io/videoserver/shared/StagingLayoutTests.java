package io.videoserver.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StagingLayoutTests {

	private static final String VID = "0b0e5a47-3a2c-4c1e-9d2b-6f1a2b3c4d5e";

	@Test
	void aNewPartNameCarriesItsVideoAndOwner() {
		String owner = StagingLayout.randomId();
		String name = StagingLayout.partName(VID, owner);
		assertThat(name).startsWith(VID + "." + owner + ".").endsWith(".part");
		assertThat(StagingLayout.ownerOf(name)).isEqualTo(owner);
		assertThat(StagingLayout.videoOf(name)).isEqualTo(VID);
	}

	@Test
	void anOlderVersionsPartHasAVideoButNoOwner() {
		String name = VID + "." + StagingLayout.randomId() + ".part";
		assertThat(StagingLayout.ownerOf(name)).isNull();
		assertThat(StagingLayout.videoOf(name)).isEqualTo(VID);
	}

	@Test
	void otherNamesAreNoPartialUploads() {
		assertThat(StagingLayout.videoOf(VID)).isNull();
		assertThat(StagingLayout.videoOf(VID + ".part")).isNull();
		assertThat(StagingLayout.videoOf(VID + ".x.tmp")).isNull();
		assertThat(StagingLayout.videoOf("../../../../../../../../../../etc.passwd.part")).isNull();
		assertThat(StagingLayout.ownerOf(VID + ".owner.random.part")).isNull();
	}

}
