package dev.backpack.e2e.sim;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HTTPGetAction;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A container's {@code readinessProbe.httpGet}, sent to the pod IP as the kubelet does; no probe means ready. */
final class ReadinessProbe {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private final PodNetwork network;

    ReadinessProbe(PodNetwork network) {
        this.network = network;
    }

    boolean passes(Container c) {
        if (c.getReadinessProbe() == null || c.getReadinessProbe().getHttpGet() == null) {
            return true;
        }
        HTTPGetAction get = c.getReadinessProbe().getHttpGet();
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(network.http(port(c, get), get.getPath()))
                    .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() >= 200 && response.statusCode() < 400;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The probe's port: a number, or the name of one of the container's ports. */
    private static int port(Container c, HTTPGetAction get) {
        if (get.getPort().getIntVal() != null) {
            return get.getPort().getIntVal();
        }
        return c.getPorts().stream().filter(cp -> get.getPort().getStrVal().equals(cp.getName())).findFirst()
                .orElseThrow().getContainerPort();
    }
}
