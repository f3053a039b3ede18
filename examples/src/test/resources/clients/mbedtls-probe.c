/*
 * A TLS client on mbedTLS as a device's firmware uses it: the CA file as its only anchors, the default
 * configuration preset, MBEDTLS_SSL_VERIFY_REQUIRED and the host name set.
 * usage: mbedtls-probe HOST PORT CAFILE. Exit 0 accepted, 1 refused (mbedTLS's words), 2 no connection.
 */
#include <stdio.h>
#include "mbedtls/net_sockets.h"
#include "mbedtls/ssl.h"
#include "mbedtls/entropy.h"
#include "mbedtls/ctr_drbg.h"
#include "mbedtls/x509_crt.h"
#include "mbedtls/error.h"

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: %s HOST PORT CAFILE\n", argv[0]); return 3; }
    mbedtls_net_context net; mbedtls_ssl_context ssl; mbedtls_ssl_config conf; mbedtls_x509_crt ca;
    mbedtls_entropy_context entropy; mbedtls_ctr_drbg_context drbg;
    mbedtls_net_init(&net); mbedtls_ssl_init(&ssl); mbedtls_ssl_config_init(&conf); mbedtls_x509_crt_init(&ca);
    mbedtls_entropy_init(&entropy); mbedtls_ctr_drbg_init(&drbg);
    if (mbedtls_ctr_drbg_seed(&drbg, mbedtls_entropy_func, &entropy, NULL, 0) != 0) { printf("no entropy\n"); return 3; }
    if (mbedtls_x509_crt_parse_file(&ca, argv[3]) != 0) { printf("cannot read every certificate of %s\n", argv[3]); return 3; }
    if (mbedtls_net_connect(&net, "127.0.0.1", argv[2], MBEDTLS_NET_PROTO_TCP) != 0) { printf("connection refused\n"); return 2; }
    mbedtls_ssl_config_defaults(&conf, MBEDTLS_SSL_IS_CLIENT, MBEDTLS_SSL_TRANSPORT_STREAM, MBEDTLS_SSL_PRESET_DEFAULT);
    mbedtls_ssl_conf_authmode(&conf, MBEDTLS_SSL_VERIFY_REQUIRED);
    mbedtls_ssl_conf_ca_chain(&conf, &ca, NULL);
    mbedtls_ssl_conf_rng(&conf, mbedtls_ctr_drbg_random, &drbg);
    mbedtls_ssl_setup(&ssl, &conf);
    mbedtls_ssl_set_hostname(&ssl, argv[1]);
    mbedtls_ssl_set_bio(&ssl, &net, mbedtls_net_send, mbedtls_net_recv, NULL);
    int ret;
    while ((ret = mbedtls_ssl_handshake(&ssl)) == MBEDTLS_ERR_SSL_WANT_READ || ret == MBEDTLS_ERR_SSL_WANT_WRITE) {
    }
    if (ret != 0) {
        char words[1024];
        mbedtls_strerror(ret, words, sizeof words);
        printf("handshake failed: %s\n", words);
        uint32_t flags = mbedtls_ssl_get_verify_result(&ssl);
        if (flags != 0 && flags != (uint32_t) -1) {
            mbedtls_x509_crt_verify_info(words, sizeof words, "  ", flags);
            printf("%s", words);
        }
        return 1;
    }
    printf("accepted %s\n", mbedtls_ssl_get_version(&ssl));
    return 0;
}
