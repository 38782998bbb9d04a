package dev.backpack.e2e.servers;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects the shared real servers into tests: declare a parameter of type {@link OpenSearchServer},
 * {@link ElasticsearchServer} or {@link RedisFixture} and it is started (once per JVM) on first use.
 */
public final class ServersExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == OpenSearchServer.class || type == ElasticsearchServer.class || type == RedisFixture.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == OpenSearchServer.class) {
            return Servers.openSearch();
        }
        if (type == ElasticsearchServer.class) {
            return Servers.elasticsearch();
        }
        return Servers.redis();
    }
}
