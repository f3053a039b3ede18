/*
 * A TLS client on wolfSSL as a device's firmware uses it: the CA file as its only anchors, WOLFSSL_VERIFY_PEER
 * with the library's default verification, the host name checked. Debian's build defines WOLFSSL_ALT_CERT_CHAINS.
 * usage: wolfssl-probe HOST PORT CAFILE. Exit 0 accepted, 1 refused (wolfSSL's error), 2 no connection.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <wolfssl/options.h>
#include <wolfssl/ssl.h>
#include <wolfssl/error-ssl.h>
#include <wolfssl/wolfcrypt/error-crypt.h>

/* The verification errors by their names in wolfSSL's headers, for a reader of the output. */
static const char *name_of(int error) {
    switch (error) {
        case ASN_NO_SIGNER_E: return "ASN_NO_SIGNER_E: no signer to confirm the certificate (issuer unknown)";
        case ASN_AFTER_DATE_E: return "ASN_AFTER_DATE_E: a certificate has expired";
        case ASN_BEFORE_DATE_E: return "ASN_BEFORE_DATE_E: a certificate is not yet valid";
        case ASN_SIG_CONFIRM_E: return "ASN_SIG_CONFIRM_E: a signature does not verify";
        case ASN_PATHLEN_INV_E: return "ASN_PATHLEN_INV_E: path length constraint exceeded";
        case ASN_PATHLEN_SIZE_E: return "ASN_PATHLEN_SIZE_E: path length constraint exceeded";
        case ASN_SELF_SIGNED_E: return "ASN_SELF_SIGNED_E: self-signed certificate";
        case DOMAIN_NAME_MISMATCH: return "DOMAIN_NAME_MISMATCH: hostname mismatch";
        case NOT_CA_ERROR: return "NOT_CA_ERROR: not a CA certificate";
        case EXTKEYUSE_AUTH_E: return "EXTKEYUSE_AUTH_E: extended key usage does not permit server authentication";
        default: return NULL;
    }
}

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: %s HOST PORT CAFILE\n", argv[0]); return 3; }
    wolfSSL_Init();
    WOLFSSL_CTX *ctx = wolfSSL_CTX_new(wolfTLS_client_method());
    if (wolfSSL_CTX_load_verify_locations(ctx, argv[3], NULL) != WOLFSSL_SUCCESS) { printf("cannot read %s\n", argv[3]); return 3; }
    wolfSSL_CTX_set_verify(ctx, WOLFSSL_VERIFY_PEER, NULL);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in address = {0};
    address.sin_family = AF_INET;
    address.sin_port = htons(atoi(argv[2]));
    inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    if (connect(fd, (struct sockaddr *) &address, sizeof address) != 0) { printf("connection refused\n"); return 2; }
    WOLFSSL *ssl = wolfSSL_new(ctx);
    wolfSSL_check_domain_name(ssl, argv[1]);
    wolfSSL_set_fd(ssl, fd);
    if (wolfSSL_connect(ssl) != WOLFSSL_SUCCESS) {
        int error = wolfSSL_get_error(ssl, 0);
        char words[WOLFSSL_MAX_ERROR_SZ];
        const char *name = name_of(error);
        printf("handshake failed: %d %s\n", error, name != NULL ? name : wolfSSL_ERR_error_string(error, words));
        return 1;
    }
    printf("accepted %s\n", wolfSSL_get_version(ssl));
    return 0;
}
