package dev.backpack.model;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.backpack.model.v1alpha1.Benchmark;
import dev.backpack.model.validation.BenchmarkValidator;
import dev.backpack.model.validation.InvalidBenchmarkException;
import dev.backpack.model.validation.Violation;

import java.io.IOException;
import java.util.List;

/** Reads and writes Benchmark YAML, turning every parse problem into a message that names the field. */
public final class BenchmarkYaml {
    private static final ObjectMapper MAPPER = strict(new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES));

    private BenchmarkYaml() {
    }

    /**
     * The API server's schema refuses {@code port: 92.5} and {@code targeted: 7}; so do we, rather than
     * quietly reading them as 92 and true.
     */
    private static ObjectMapper strict(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /** Parses without checking the semantic rules; type errors still name the field. */
    public static Benchmark parse(String yaml) throws InvalidBenchmarkException {
        if (yaml == null || yaml.isBlank()) {
            throw new InvalidBenchmarkException(new Violation("(document)", "is empty; expected a Benchmark"));
        }
        try {
            Benchmark benchmark = MAPPER.readValue(yaml, Benchmark.class);
            if (benchmark == null) {
                throw new InvalidBenchmarkException(new Violation("(document)", "is empty; expected a Benchmark"));
            }
            return benchmark;
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof JacksonException syntax && !(syntax instanceof JsonMappingException)) {
                throw syntaxError(syntax);
            }
            String field = path(e);
            String problem = describe(e);
            throw new InvalidBenchmarkException(new Violation(field, problem + hint(field, problem)));
        } catch (JacksonException e) {
            throw syntaxError(e);
        } catch (IOException e) {
            throw new InvalidBenchmarkException(new Violation("(document)", "could not be read: " + e.getMessage()));
        }
    }

    /** Parses and applies {@link BenchmarkValidator}; the result is safe to act on. */
    public static Benchmark parseValid(String yaml) throws InvalidBenchmarkException {
        Benchmark benchmark = parse(yaml);
        List<Violation> violations = BenchmarkValidator.validate(benchmark.getSpec());
        if (!violations.isEmpty()) {
            throw new InvalidBenchmarkException(violations);
        }
        return benchmark;
    }

    public static String write(Benchmark benchmark) {
        try {
            return MAPPER.writeValueAsString(benchmark);
        } catch (IOException e) {
            throw new IllegalStateException("a parsed Benchmark is always writable", e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    private static InvalidBenchmarkException syntaxError(JacksonException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "(document)" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
        String first = e.getOriginalMessage() == null ? "syntax error" : e.getOriginalMessage().lines().findFirst().orElse("");
        return new InvalidBenchmarkException(new Violation(where, "is not valid YAML: " + first.strip()));
    }

    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            }
        }
        return path.isEmpty() ? "(document)" : path.toString();
    }

    private static String describe(JsonMappingException e) {
        if (e instanceof InvalidFormatException invalid) {
            return "expected " + typeName(invalid.getTargetType()) + ", got '" + invalid.getValue() + "'";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "expected " + typeName(mismatch.getTargetType());
        }
        return e.getOriginalMessage();
    }

    /** What the field looks like when right, for the fields users most often write in another shape. */
    private static String hint(String field, String problem) {
        if (problem.equals("expected a list") && field.matches("spec\\.metadata\\.label(\\[\\d+])?")) {
            return " of [key, value] pairs, not a {key: value} mapping, e.g. label: [[node-role.kubernetes.io/worker, '']]";
        }
        return "";
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.getName().startsWith("dev.backpack")) {
            return "a mapping (key: value)";
        }
        return "a " + type.getSimpleName();
    }
}
