package dev.backpack.model.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The {@code Benchmark} custom resource, wire-compatible with cloud-bulldozer's benchmark-operator so
 * that users' existing CR files keep working.
 */
@Group(Benchmark.GROUP)
@Version(Benchmark.VERSION)
@Kind("Benchmark")
@Plural("benchmarks")
@ShortNames("bench")
@AdditionalPrinterColumn(name = "Type", jsonPath = ".spec.workload.name", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "State", jsonPath = ".status.state", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Metadata State", jsonPath = ".status.metadata", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "UUID", jsonPath = ".status.uuid", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class Benchmark extends CustomResource<BenchmarkSpec, BenchmarkStatus> implements Namespaced {
    public static final String GROUP = "ripsaw.cloudbulldozer.io";
    public static final String VERSION = "v1alpha1";
    public static final String API_VERSION = GROUP + "/" + VERSION;
    public static final String CRD_NAME = "benchmarks." + GROUP;

    @Override
    protected BenchmarkSpec initSpec() {
        return new BenchmarkSpec();
    }
}
