package io.github.atstrust.testkit.audit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PemTest {

    @Test
    void corruptPemIsReportedWithItsSource() {
        assertThatThrownBy(() -> Pem.decode("-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n",
                "/etc/ssl/certs/broken.pem"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/etc/ssl/certs/broken.pem is not well-formed PEM");
    }
}
