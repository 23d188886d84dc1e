package io.cpeoperator.bridge.twin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Interns one {@link TwinSchema} per {@link TwinSchemaKey}. Values are weakly held: a schema lives as long as a twin
 * uses it, so keys invented by devices (odd firmware strings) do not pile up after their twins are gone.
 */
final class SchemaRegistry {

    private final Cache<TwinSchemaKey, TwinSchema> schemas = Caffeine.newBuilder().weakValues().build();
    private final int maxPathsPerSchema;

    SchemaRegistry(int maxPathsPerSchema) {
        this.maxPathsPerSchema = maxPathsPerSchema;
    }

    TwinSchema schemaFor(TwinSchemaKey key) {
        return schemas.get(key, k -> new TwinSchema(k, maxPathsPerSchema));
    }

    long size() {
        schemas.cleanUp();
        return schemas.estimatedSize();
    }
}
