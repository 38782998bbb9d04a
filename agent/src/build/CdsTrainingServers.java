import com.sun.net.httpserver.HttpServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Build-time stand-ins for Redis and a search server, so that the class-data-sharing archive can be
 * trained on a de-duplicated run (the path every agent but one per node takes) without real servers.
 * Redis: SET answers nil (someone holds the key), GET answers "Metadata-Exists", anything else +OK.
 * Search: every request answers {"count":1}, the index check's "documents are there".
 * Run by launcher.sh with the JDK's source launcher ({@code java CdsTrainingServers.java}); prints
 * "redis-port http-port" and serves until its standard input closes. Not part of the agent jar.
 */
public final class CdsTrainingServers {
    public static void main(String[] args) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        ServerSocket redis = new ServerSocket(0, 8, loopback);
        HttpServer http = HttpServer.create(new InetSocketAddress(loopback, 0), 8);
        http.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"count\":1}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
        Thread acceptor = new Thread(() -> {
            while (true) {
                try {
                    Socket client = redis.accept();
                    new Thread(() -> answer(client)).start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        System.out.println(redis.getLocalPort() + " " + http.getAddress().getPort());
        System.out.flush();
        System.in.read();
        http.stop(0);
        redis.close();
        System.exit(0);
    }

    /** Reads RESP arrays ("*n", then n "$len"/value pairs) and answers each command. */
    private static void answer(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream out = client.getOutputStream()) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.startsWith("*")) {
                    continue;
                }
                int parts = Integer.parseInt(line.substring(1));
                String command = null;
                for (int i = 0; i < parts; i++) {
                    in.readLine();
                    String part = in.readLine();
                    if (i == 0) {
                        command = part.toUpperCase();
                    }
                }
                String reply = switch (command == null ? "" : command) {
                    case "SET" -> "$-1\r\n";
                    case "GET" -> "$15\r\nMetadata-Exists\r\n";
                    default -> "+OK\r\n";
                };
                out.write(reply.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            // a training client that went away: nothing to answer
        }
    }
}
