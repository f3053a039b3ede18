import java.net.URL;
import javax.net.ssl.HttpsURLConnection;

/** HttpsURLConnection with the JVM's default trust, as a program that never configures trust: ACCEPTED or REFUSED. */
public class JdkProbe {
    public static void main(String[] args) throws Exception {
        HttpsURLConnection connection = (HttpsURLConnection) new URL(args[0]).openConnection();
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(10_000);
        try {
            connection.getResponseCode();
            System.out.println("ACCEPTED");
        } catch (javax.net.ssl.SSLException e) {
            System.out.println("REFUSED " + e.getMessage());
            System.exit(1);
        }
    }
}
