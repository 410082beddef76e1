package io.videoserver.shared;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TrustedProxiesTests {

	@Test
	void singleAddressesBecomeOneAddressRanges() {
		assertThat(TrustedProxies.cidrs(List.of("10.0.0.0/8", " 192.168.1.5 ", "::1", "fd00::/8")))
			.isEqualTo("10.0.0.0/8,192.168.1.5/32,::1/128,fd00::/8");
	}

	@Test
	void noProxiesTrustNone() {
		assertThat(TrustedProxies.cidrs(List.of())).isEmpty();
		assertThat(TrustedProxies.cidrs(List.of(" "))).isEmpty();
	}

	@Test
	void anythingButAnAddressOrRangeIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.cidrs(List.of("proxy.example")))
			.withMessageContaining("proxy.example");
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.cidrs(List.of("10.0.0.0/33")));
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.cidrs(List.of("10.0.0.300")));
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.cidrs(List.of("10\\.0\\..*")));
	}

}
