package io.github.atstrust.testkit.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The words each independent verifier printed for a refusal in the client matrix (verbatim, measured on Debian 12),
 * and the reason they are read as: the rules' order decides when a verifier prints several failures at once.
 */
class VerifierWordsTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "UNTRUSTED_ROOT | - Status: The certificate is NOT trusted. The certificate issuer is unknown.",
        "EXPIRED | - Status: The certificate is NOT trusted. The certificate issuer is unknown. The certificate chain uses expired certificate.",
        "NOT_YET_VALID | - Status: The certificate is NOT trusted. The certificate chain uses not yet valid certificate.",
        "NOT_A_CA | - Status: The certificate is NOT trusted. The certificate issuer is not a CA. The certificate chain violates the signer's constraints.",
        "PATH_LENGTH_EXCEEDED | - Status: The certificate is NOT trusted. The certificate chain violates the signer's constraints.",
        "WRONG_EXTENDED_KEY_USAGE | - Status: The certificate is NOT trusted. The certificate chain does not match the intended purpose.",
        "HOSTNAME_MISMATCH | - Status: The certificate is NOT trusted. The name in the certificate does not match the expected.",
        "UNTRUSTED_ROOT | ERROR: The certificate of ‘localhost’ is not trusted. ERROR: The certificate of ‘localhost’ doesn't have a known issuer.",
        "NOT_YET_VALID | ERROR: The certificate of ‘localhost’ is not trusted. ERROR: The certificate of ‘localhost’ is not yet activated.",
        "NOT_A_CA | ERROR: The certificate of ‘localhost’ is not trusted. ERROR: The certificate signer of ‘localhost’ was not a CA.",
        "HOSTNAME_MISMATCH | The certificate's owner does not match hostname ‘localhost’",
        "HOSTNAME_MISMATCH | fatal: unable to access 'https://localhost:38869/': SSL: certificate subject name (wrong-host.example) does not match target host name 'localhost'",
        "UNTRUSTED_ROOT | handshake failed: X509 - Certificate verification failed, e.g. CRL, CA or signature check failed   The certificate is not correctly signed by the trusted CA",
        "EXPIRED | handshake failed: X509 - Certificate verification failed, e.g. CRL, CA or signature check failed   The certificate validity has expired",
        "NOT_YET_VALID | handshake failed: X509 - Certificate verification failed, e.g. CRL, CA or signature check failed   The certificate validity starts in the future",
        "HOSTNAME_MISMATCH | handshake failed: X509 - Certificate verification failed, e.g. CRL, CA or signature check failed   The certificate Common Name (CN) does not match with the expected CN",
        "WRONG_EXTENDED_KEY_USAGE | handshake failed: SSL - Processing of the Certificate handshake message failed   Usage does not match the extendedKeyUsage extension",
        "UNTRUSTED_ROOT | handshake failed: -188 ASN_NO_SIGNER_E: no signer to confirm the certificate (issuer unknown)",
        "EXPIRED | handshake failed: -151 ASN_AFTER_DATE_E: a certificate has expired",
        "HOSTNAME_MISMATCH | handshake failed: -322 DOMAIN_NAME_MISMATCH: hostname mismatch",
        "UNTRUSTED_ROOT | handshake failed: invalid peer certificate contents: invalid peer certificate: UnknownIssuer",
        "NOT_YET_VALID | handshake failed: invalid peer certificate contents: invalid peer certificate: CertNotValidYet",
        "WRONG_EXTENDED_KEY_USAGE | handshake failed: invalid peer certificate contents: invalid peer certificate: RequiredEkuNotFound",
        "HOSTNAME_MISMATCH | handshake failed: invalid peer certificate contents: invalid peer certificate: CertNotValidForName",
        "UNTRUSTED_ROOT | Certificate validation status: Certificate issuer not found",
        "HOSTNAME_MISMATCH | Certificate validation status: Certificate does not match provided name",
        "UNTRUSTED_ROOT | MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT",
        "NOT_YET_VALID | MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE",
        "EXPIRED | SEC_ERROR_EXPIRED_CERTIFICATE",
        "NOT_A_CA | SEC_ERROR_INADEQUATE_KEY_USAGE",
        "WRONG_EXTENDED_KEY_USAGE | SEC_ERROR_INADEQUATE_CERT_TYPE",
    })
    void readsEachVerifiersWordsAsTheReasonTheyName(RejectionReason reason, String words) {
        HandshakeOutcome outcome = HandshakeOutcome.ofCommand(1, words, Duration.ZERO, "localhost:443", false);

        assertThat(outcome.rejectionReason()).as(words).contains(reason);
    }
}
