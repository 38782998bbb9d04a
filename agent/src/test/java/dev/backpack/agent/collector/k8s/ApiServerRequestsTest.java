package dev.backpack.agent.collector.k8s;

import dev.backpack.agent.collector.ModuleFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * How a run talks to a plain-http API server, against a scripted socket server: HTTP/1.1 without an
 * h2c upgrade, and no request outlives {@code --timeout}, not even one whose answer stalls halfway.
 */
class ApiServerRequestsTest {
    private static final String VERSION = "{\"major\":\"1\",\"minor\":\"29\",\"gitVersion\":\"v1.29.4\"}";

    @Test
    void asksInPlainHttp11WithoutAnH2cUpgrade(@TempDir Path home) throws IOException {
        try (ScriptedServer server = new ScriptedServer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + VERSION.length() + "\r\nConnection: close\r\n\r\n" + VERSION)) {
            try (ClusterSession session = new ClusterSession(access(home, server, Duration.ofSeconds(5)))) {
                ModuleFacts info = new K8sClusterInfoCollector(session).collect();
                assertThat(info.isSkipped()).as(info.skipReason()).isFalse();
            }
            assertThat(server.requests()).hasSize(1);
            assertThat(server.requests().get(0)).startsWith("GET /version HTTP/1.1").doesNotContainIgnoringCase("upgrade");
        }
    }

    @Test
    void anAnswerThatStallsHalfwayEndsAtTheTimeoutAndTheClusterIsNotAskedAgain(@TempDir Path home) throws IOException {
        // Headers and a first part of the body, then silence: past the point where the HTTP client times out.
        try (ScriptedServer server = new ScriptedServer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + VERSION.length() + "\r\n\r\n" + VERSION.substring(0, 10))) {
            ModuleFacts[] facts = new ModuleFacts[2];
            assertTimeoutPreemptively(Duration.ofSeconds(15), () -> {
                try (ClusterSession session = new ClusterSession(access(home, server, Duration.ofSeconds(1)))) {
                    facts[0] = new K8sNodesCollector(session).collect();
                    facts[1] = new K8sClusterInfoCollector(session).collect();
                }
            }, "a stalled answer held the run");
            assertThat(facts[0].skipReason()).isEqualTo("cluster at " + server.url() + "/ did not answer /version within "
                    + "1000 ms (--timeout)");
            assertThat(facts[1].skipReason()).isEqualTo(facts[0].skipReason());
            assertThat(server.requests()).hasSize(1);
        }
    }

    private static KubeconfigAccess access(Path home, ScriptedServer server, Duration timeout) throws IOException {
        Path kubeconfig = Files.writeString(home.resolve("config"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: plain
                  cluster:
                    server: %s
                contexts:
                - name: plain
                  context:
                    cluster: plain
                    user: plain
                current-context: plain
                users:
                - name: plain
                  user:
                    token: not-a-secret
                """.formatted(server.url()));
        return new KubeconfigAccess(Map.of("KUBECONFIG", kubeconfig.toString()), null, timeout);
    }

    /** Answers every connection's first request with the same bytes and keeps the connection open. */
    private static final class ScriptedServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        private final List<String> requests = new CopyOnWriteArrayList<>();
        private final List<Socket> connections = new CopyOnWriteArrayList<>();

        ScriptedServer(String answer) throws IOException {
            Thread accept = new Thread(() -> {
                try {
                    while (true) {
                        Socket connection = socket.accept();
                        connections.add(connection);
                        requests.add(readHead(connection.getInputStream()));
                        OutputStream out = connection.getOutputStream();
                        out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                    }
                } catch (IOException e) {
                    // closed by the test
                }
            }, "scripted-api-server");
            accept.setDaemon(true);
            accept.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        List<String> requests() {
            return requests;
        }

        private static String readHead(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0) {
                head.append((char) b);
                if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                    break;
                }
            }
            return head.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket connection : connections) {
                connection.close();
            }
        }
    }
}
