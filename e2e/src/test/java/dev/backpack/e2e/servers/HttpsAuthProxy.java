package dev.backpack.e2e.servers;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HTTPS in front of a real server, requiring HTTP basic auth, as a secured production cluster would:
 * tests TLS verification ({@code --cacert}, {@code --insecure-skip-verify}) and credentials end to end.
 */
public final class HttpsAuthProxy implements AutoCloseable {
    private final HttpsServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicInteger unauthorized = new AtomicInteger();

    public HttpsAuthProxy(String targetUrl, SelfSignedCertificate certificate, String username, String password) {
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(StandardCharsets.UTF_8));
        ForwardingHandler forward = new ForwardingHandler(targetUrl);
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(certificate.keyStore(), certificate.password());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keys.getKeyManagers(), null, null);
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the proxy port", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up the proxy's TLS", e);
        }
        server.createContext("/", exchange -> {
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                unauthorized.incrementAndGet();
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"backpack-test\"");
                ForwardingHandler.respond(exchange, 401, "application/json",
                        "{\"error\":{\"type\":\"security_exception\",\"reason\":\"unable to authenticate user\"},\"status\":401}"
                                .getBytes(StandardCharsets.UTF_8));
                exchange.close();
                return;
            }
            forward.handle(exchange);
        });
        server.setExecutor(executor);
        server.start();
    }

    /** {@code https://localhost:<port>} (the certificate names localhost and 127.0.0.1). */
    public String url() {
        return "https://localhost:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public int unauthorizedRequests() {
        return unauthorized.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
