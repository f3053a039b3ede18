package io.github.atstrust.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atstrust.testkit.trust.TrustProfile;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.lang.reflect.Field;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/** The client matrix for OKHTTP, and the one trust manager OkHttp is handed twice. */
class OkHttpTrustTest extends ClientMatrixContract {

    @Override
    HttpsClient client() {
        return RealClients.OKHTTP;
    }

    @Test
    void okHttpGetsTheTrustManagerThatItsSocketFactoryValidatesWith() throws ReflectiveOperationException {
        TrustProfile profile = TrustProfiles.byId(TrustProfiles.AMAZON_ROOT_CA_1);
        okhttp3.OkHttpClient client = new okhttp3.OkHttpClient.Builder()
                .sslSocketFactory(profile.sslSocketFactory(), profile.trustManager()).build();

        assertThat(client.x509TrustManager()).isSameAs(profile.trustManager());
        assertThat(trustManagerInside(client.sslSocketFactory())).isSameAs(client.x509TrustManager());
    }

    /** The trust manager the JDK's socket factory hands every handshake (its SSLContext's). */
    private static X509TrustManager trustManagerInside(SSLSocketFactory factory) throws ReflectiveOperationException {
        Object context = fieldOfType(factory, SSLContextSpi.class);
        return (X509TrustManager) fieldOfType(context, X509TrustManager.class);
    }

    private static Object fieldOfType(Object owner, Class<?> type) throws ReflectiveOperationException {
        for (Class<?> c = owner.getClass(); c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (type.isAssignableFrom(field.getType())) {
                    field.setAccessible(true);
                    return field.get(owner);
                }
            }
        }
        throw new NoSuchFieldException("no field of type " + type.getName() + " in " + owner.getClass().getName());
    }
}
