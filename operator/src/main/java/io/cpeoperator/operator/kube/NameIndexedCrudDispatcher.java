package io.cpeoperator.operator.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.AttributeType;
import io.fabric8.mockwebserver.http.MockResponse;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The fabric8 CRUD dispatcher with an index from resource name to stored keys. The stock dispatcher finds a
 * resource by scanning every stored resource, for every create, update, patch and get: with a fleet of CpeDevices
 * and their Events that makes each request cost O(fleet) and discovering a fleet O(fleet²) (a profile of 3,000
 * simulated devices spent 70% of the operator process's CPU in those scans). Requests that name one resource are
 * answered from the index; everything else (lists, watches, deletes) is left to the stock dispatcher.
 *
 * <p>The stock dispatcher changes its store in {@code processEvent} only (and clears it in {@code reset}); this class
 * recomputes the key stored there the same way and keeps the index beside it. Should the store ever hold a different
 * number of resources than the index (a code path of a newer fabric8 that this class does not know), lookups fall
 * back to the scan.
 */
final class NameIndexedCrudDispatcher extends KubernetesCrudDispatcher {

    private static final String NAME = "name";
    private static final String PLURAL = "plural";

    private final Map<String, Set<AttributeSet>> byName = new ConcurrentHashMap<>();
    private final AtomicInteger indexed = new AtomicInteger();
    /** Keeps a get from seeing a resource between its removal and its re-insertion by an update. */
    private final ReadWriteLock indexLock = new ReentrantReadWriteLock();

    @Override
    public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldAttributes,
                             GenericKubernetesResource resource, String newState) {
        indexLock.writeLock().lock();
        try {
            super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
            if (oldAttributes != null && !map.containsKey(oldAttributes)) {
                unindex(oldAttributes);
            }
            if (newState != null) {
                index(storedKey(pathAttributes, resource, newState));
            }
        } finally {
            indexLock.writeLock().unlock();
        }
    }

    @Override
    public Map.Entry<AttributeSet, String> findResource(AttributeSet query) {
        String name = singleName(query);
        if (name == null || !consistent()) {
            return super.findResource(query);
        }
        indexLock.readLock().lock();
        try {
            for (AttributeSet key : byName.getOrDefault(name, Set.of())) {
                String value = map.get(key);
                if (value != null && key.matches(query)) {
                    return new AbstractMap.SimpleImmutableEntry<>(key, value);
                }
            }
            return null;
        } finally {
            indexLock.readLock().unlock();
        }
    }

    @Override
    public MockResponse handleGet(String path) {
        if (path.contains("watch=")) {
            return super.handleGet(path);
        }
        AttributeSet query = getAttributeExtractor().fromPath(path);
        String name = singleName(query);
        if (name == null || !consistent()) {
            return super.handleGet(path);
        }
        List<String> found = new ArrayList<>(1);
        indexLock.readLock().lock();
        try {
            for (AttributeSet key : byName.getOrDefault(name, Set.of())) {
                String value = map.get(key);
                if (value != null && key.matches(query)) {
                    found.add(value);
                }
            }
        } finally {
            indexLock.readLock().unlock();
        }
        // what the stock dispatcher answers for a path that names a resource: the first match, or 404
        return found.isEmpty() ? new MockResponse().setResponseCode(404)
                : new MockResponse().setBody(found.get(0)).setResponseCode(200);
    }

    @Override
    public void reset() {
        indexLock.writeLock().lock();
        try {
            super.reset();
            byName.clear();
            indexed.set(0);
        } finally {
            indexLock.writeLock().unlock();
        }
    }

    /** The key {@code processEvent} stores a resource under (see its source in fabric8's mock server). */
    private AttributeSet storedKey(AttributeSet pathAttributes, GenericKubernetesResource resource, String state) {
        KubernetesAttributesExtractor extractor = (KubernetesAttributesExtractor) getAttributeExtractor();
        AttributeSet key = resource != null ? extractor.extract(resource) : extractor.fromResource(state);
        return key.containsKey(PLURAL) ? key : AttributeSet.merge(pathAttributes, key);
    }

    private void index(AttributeSet key) {
        String name = singleName(key);
        if (name != null && byName.computeIfAbsent(name, n -> ConcurrentHashMap.newKeySet()).add(key)) {
            indexed.incrementAndGet();
        }
    }

    private void unindex(AttributeSet key) {
        String name = singleName(key);
        Set<AttributeSet> keys = name == null ? null : byName.get(name);
        if (keys != null && keys.remove(key)) {
            indexed.decrementAndGet();
            if (keys.isEmpty()) {
                byName.remove(name, keys);
            }
        }
    }

    private boolean consistent() {
        return indexed.get() == map.size();
    }

    /** The one exact name an attribute set asks for or carries; null for none, several, or a wildcard. */
    private static String singleName(AttributeSet attributes) {
        Attribute name = attributes.getAttribute(NAME);
        if (name == null || name.getType() != AttributeType.WITH || name.getValues().size() != 1) {
            return null;
        }
        String value = name.getValues().get(0).toString();
        return value.contains("*") ? null : value;
    }
}
