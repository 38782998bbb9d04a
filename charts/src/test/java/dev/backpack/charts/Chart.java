package dev.backpack.charts;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The chart under test, driven through helm-java (the helm library ships inside the dependency). */
final class Chart {
    static final String RELEASE = "bp";
    static final String NAMESPACE = "backpack";

    private final Path dir;
    private final KubernetesSerialization serialization = new KubernetesSerialization();

    Chart(Path dir) {
        this.dir = dir;
    }

    static Chart underTest() {
        return new Chart(Path.of(System.getProperty("backpack.chartDir", "backpack")));
    }

    Path dir() {
        return dir;
    }

    Path crdFile() {
        return dir.resolve("crds").resolve("benchmarks.ripsaw.cloudbulldozer.io-v1.yml");
    }

    LintResult lint() {
        return new Helm(dir).lint().strict().call();
    }

    /** {@code helm template bp charts/backpack -n backpack [-f values]}; throws when helm rejects the values. */
    Rendered render(Path valuesFile) {
        TemplateCommand template = new Helm(dir).template().withName(RELEASE).withNamespace(NAMESPACE);
        if (valuesFile != null) {
            template = template.withValuesFile(valuesFile);
        }
        String yaml = template.call();
        return new Rendered(yaml, parse(yaml));
    }

    /** {@code helm template ... --set key=value}, for single-value checks. */
    Rendered renderWith(String key, String value) {
        String yaml = new Helm(dir).template().withName(RELEASE).withNamespace(NAMESPACE).set(key, value).call();
        return new Rendered(yaml, parse(yaml));
    }

    Rendered renderDefaults() {
        return render(null);
    }

    List<HasMetadata> parse(String yaml) {
        Object parsed = serialization.unmarshal(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        if (parsed instanceof List<?> list) {
            return list.stream().map(HasMetadata.class::cast).toList();
        }
        return List.of((HasMetadata) parsed);
    }
}
