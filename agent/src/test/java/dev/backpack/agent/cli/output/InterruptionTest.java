package dev.backpack.agent.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backpack.agent.run.RunListener;
import dev.backpack.agent.sink.DeliveryProgress;
import dev.backpack.agent.sink.DeliveryReport;
import dev.backpack.agent.sink.DocumentSink;
import dev.backpack.agent.summary.TerminationLog;
import dev.backpack.contract.MetadataDocument;
import dev.backpack.contract.MetadataModule;
import dev.backpack.contract.RawResultDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16: a run stopped half-way said nothing; now it says how far it got, on stderr and in the termination log. */
class InterruptionTest {
    @TempDir
    Path dir;

    private final DeliveryProgress progress = new DeliveryProgress();
    private final DocumentSink sink = new DocumentSink() {
        @Override
        public DeliveryReport deliver(List<MetadataDocument> documents, RawResultDocument raw) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String describe() {
            return "http://es:9200";
        }

        @Override
        public Optional<DeliveryProgress> progress() {
            return Optional.of(progress);
        }
    };

    @Test
    void duringCollectionNothingWasDelivered() throws IOException {
        StringWriter err = new StringWriter();
        Interruption interruption = new Interruption(RunListener.NONE, sink, "u", "n", new PrintWriter(err),
                new TerminationLog(dir.resolve("log")));
        interruption.moduleStarted(MetadataModule.SYSCTL, 2, 9);

        interruption.report();

        assertThat(err.toString()).isEqualTo("backpack: terminated while collecting sysctl (3/9); nothing was "
                + "delivered to http://es:9200" + System.lineSeparator());
        JsonNode log = new ObjectMapper().readTree(Files.readString(dir.resolve("log")));
        assertThat(log.get("status").asText()).isEqualTo("failed");
        assertThat(log.get("errors").get(0).asText()).startsWith("terminated while collecting sysctl");
    }

    @Test
    void duringDeliveryItCountsWhatArrived() throws IOException {
        progress.delivered(7); // an earlier run of the same sink (serve mode) does not count
        StringWriter err = new StringWriter();
        Interruption interruption = new Interruption(RunListener.NONE, sink, "u", "n", new PrintWriter(err),
                new TerminationLog(dir.resolve("log")));
        interruption.deliveryStarted("http://es:9200", 10);
        progress.delivered(4);
        progress.alreadyPresent(1);
        progress.failed(2);

        interruption.report();

        assertThat(err.toString()).contains("terminated while delivering to http://es:9200: 5 of 10 documents "
                + "delivered (4 new, 1 already present), 2 failed, 3 not sent");
        JsonNode log = new ObjectMapper().readTree(Files.readString(dir.resolve("log")));
        assertThat(log.get("indexed").asInt()).isEqualTo(4);
        assertThat(log.get("alreadyPresent").asInt()).isEqualTo(1);
        assertThat(log.get("failed").asInt()).isEqualTo(5);
        assertThat(log.get("target").asText()).isEqualTo("http://es:9200");
    }
}
