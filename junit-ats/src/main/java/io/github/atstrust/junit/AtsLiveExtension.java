package io.github.atstrust.junit;

import io.github.atstrust.testkit.live.LiveEndpoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link LiveAtsTest}: one invocation per live endpoint, each aborted unless live tests
 * are on ({@code -Dats.live=true}, {@code ATS_LIVE=1} or the configuration parameter {@code ats.live=true}) and
 * the endpoint answers a TCP connect. Configuration parameter {@code ats.live.connectTo} sends reachability
 * checks elsewhere, like curl's {@code --connect-to}: comma-separated {@code HOST:PORT:HOST2:PORT2} entries
 * (connect to HOST2:PORT2 instead of HOST:PORT), or one {@code HOST2:PORT2} for every endpoint. When live tests
 * were turned on and an endpoint is unreachable, the invocation is aborted, or fails under
 * {@code ATS_REQUIRE_ALL=1} (the configuration parameter {@code ats.requireAll}, when set, decides instead): a CI
 * that asked for live checks must not pass without them.
 */
final class AtsLiveExtension implements TestTemplateInvocationContextProvider {

    static final String ENABLED_KEY = "ats.live";
    static final String CONNECT_TO_KEY = "ats.live.connectTo";
    static final String REQUIRE_ALL_KEY = RequireAll.KEY;
    private static final int CONNECT_TIMEOUT_MILLIS = 5000;

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, LiveAtsTest.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        LiveAtsTest live = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), LiveAtsTest.class).orElseThrow();
        List<LiveEndpoint> endpoints = new ArrayList<>();
        if (live.value().length == 0) {
            LiveEndpoint.all().stream().filter(e -> live.includeRequiring() || e.requires().isEmpty()).forEach(endpoints::add);
        } else {
            for (String id : live.value()) {
                LiveEndpoint endpoint;
                try {
                    endpoint = LiveEndpoint.byId(id);
                } catch (IllegalArgumentException unknown) {
                    throw new ExtensionConfigurationException("@LiveAtsTest: " + unknown.getMessage());
                }
                if (!endpoint.requires().isEmpty() && !live.includeRequiring()) {
                    throw new ExtensionConfigurationException("@LiveAtsTest lists '" + id + "', which requires "
                            + endpoint.requires() + ", but includeRequiring is false: set includeRequiring = true");
                }
                endpoints.add(endpoint);
            }
        }
        return endpoints.stream().map(LiveInvocation::new);
    }

    private static boolean enabled(ExtensionContext context) {
        return "true".equalsIgnoreCase(System.getProperty(ENABLED_KEY))
                || "1".equals(System.getenv("ATS_LIVE"))
                || context.getConfigurationParameter(ENABLED_KEY).map("true"::equalsIgnoreCase).orElse(false);
    }

    /** Null when reachable, else why not; a DNS or connect failure before any TLS. */
    private static String unreachable(LiveEndpoint endpoint, ExtensionContext context) {
        InetSocketAddress address = context.getConfigurationParameter(CONNECT_TO_KEY)
                .map(value -> connectTo(value, endpoint))
                .orElseGet(() -> new InetSocketAddress(endpoint.host(), endpoint.port()));
        if (address.isUnresolved()) {
            return "cannot resolve " + address.getHostString();
        }
        try (Socket socket = new Socket()) {
            socket.connect(address, CONNECT_TIMEOUT_MILLIS);
            return null;
        } catch (IOException e) {
            return "cannot connect to " + address.getHostString() + ":" + address.getPort() + " (" + e.getMessage() + ")";
        }
    }

    /** Where {@code ats.live.connectTo} sends {@code endpoint}; its own address when no entry names it. */
    static InetSocketAddress connectTo(String value, LiveEndpoint endpoint) {
        for (String entry : value.split(",")) {
            String[] parts = entry.strip().split(":");
            if (parts.length == 2) {
                return new InetSocketAddress(parts[0], port(parts[1], entry));
            }
            if (parts.length != 4) {
                throw new ExtensionConfigurationException(CONNECT_TO_KEY + "=" + value + ": write HOST:PORT:HOST2:PORT2 "
                        + "entries separated by commas, or one HOST2:PORT2 for every endpoint");
            }
            if (parts[0].equalsIgnoreCase(endpoint.host()) && port(parts[1], entry) == endpoint.port()) {
                return new InetSocketAddress(parts[2], port(parts[3], entry));
            }
        }
        return new InetSocketAddress(endpoint.host(), endpoint.port());
    }

    private static int port(String text, String entry) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ExtensionConfigurationException(CONNECT_TO_KEY + ": '" + text + "' in '" + entry + "' is not a port");
        }
    }

    private record LiveInvocation(LiveEndpoint endpoint) implements TestTemplateInvocationContext {

        @Override
        public String getDisplayName(int invocationIndex) {
            return endpoint.id() + " (" + endpoint.uri() + ") → " + endpoint.expected();
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            BeforeTestExecutionCallback gate = context -> {
                if (!enabled(context)) {
                    Assumptions.abort("live ATS tests are off: run with -Dats.live=true or ATS_LIVE=1 to contact "
                            + endpoint.uri());
                }
                String why = unreachable(endpoint, context);
                if (why != null && RequireAll.inForce(context)) {
                    throw new org.opentest4j.AssertionFailedError("network unreachable: " + why + "; live tests were "
                            + "turned on and ATS_REQUIRE_ALL=1 forbids skipping them");
                }
                if (why != null) {
                    Assumptions.abort("network unreachable: " + why);
                }
            };
            return List.of(gate, new ValueResolver<>(LiveEndpoint.class, endpoint));
        }
    }
}
