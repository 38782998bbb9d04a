package dev.backpack.e2e.servers;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects the shared real servers into tests: declare a parameter of type {@link OpenSearchServer} (2.x),
 * {@link ElasticsearchServer} (7.17), {@link SecuredElasticsearchServer} (8.x) or {@link RedisFixture} and it
 * is started (once per JVM) on first use. For every search server, use {@link SearchServers}.
 */
public final class ServersExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == OpenSearchServer.class || type == ElasticsearchServer.class
                || type == SecuredElasticsearchServer.class || type == RedisFixture.class;
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
        if (type == SecuredElasticsearchServer.class) {
            return Servers.elasticsearch8();
        }
        return Servers.redis();
    }
}
