package dev.backpack.e2e.sim;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PodNetworkTest {
    private final PodNetwork pod = PodNetwork.nth(1);

    @Test
    void podsGetTheirOwnLoopbackAddresses() {
        assertThat(pod.ip()).isEqualTo("127.0.10.2");
        assertThat(PodNetwork.nth(250).ip()).isEqualTo("127.0.11.1");
    }

    @Test
    void listeningOnAllInterfacesOfThePodMeansItsIp() {
        assertThat(pod.bindToPodIp("--listen=8080")).isEqualTo("--listen=127.0.10.2:8080");
        assertThat(pod.bindToPodIp("--listen=:8080")).isEqualTo("--listen=127.0.10.2:8080");
        assertThat(pod.bindToPodIp("--listen=0.0.0.0:9090")).isEqualTo("--listen=127.0.10.2:9090");
        assertThat(pod.bindToPodIp("--listen=[::]:9090")).isEqualTo("--listen=127.0.10.2:9090");
    }

    @Test
    void otherAddressesAndArgumentsStayAsWritten() {
        assertThat(pod.bindToPodIp("--listen=127.0.0.1:8080")).isEqualTo("--listen=127.0.0.1:8080");
        assertThat(pod.bindToPodIp("--listen=eighty")).as("the agent refuses it itself").isEqualTo("--listen=eighty");
        assertThat(pod.bindToPodIp("--output=8080")).isEqualTo("--output=8080");
    }
}
