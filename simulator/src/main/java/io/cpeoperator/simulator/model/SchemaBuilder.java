package io.cpeoperator.simulator.model;

import io.cpeoperator.bridge.twin.ParameterType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Assembles a {@link ModelSchema}: objects are registered implicitly from parameter paths, parents first. */
public final class SchemaBuilder {

    private final String root;
    private final String dataModelUri;
    private final List<ParamDef> params = new ArrayList<>();
    private final Map<String, Presence> objects = new LinkedHashMap<>();
    private final Map<String, TableDef> tables = new LinkedHashMap<>();
    private final List<CommandDef> commands = new ArrayList<>();

    public SchemaBuilder(String root, String dataModelUri) {
        if (!root.endsWith(".")) {
            throw new IllegalArgumentException("root must end in '.'");
        }
        this.root = root;
        this.dataModelUri = dataModelUri;
        objects.put(root, null);
    }

    /** Parameters of an object that always exists. */
    public ObjectScope object(String path) {
        return new ObjectScope(path, null);
    }

    /** Parameters of a dynamic instance that exists only while {@code presence} says so. */
    public ObjectScope object(String path, Presence presence) {
        return new ObjectScope(path, presence);
    }

    /** Declares a table that accepts AddObject / DeleteObject. */
    public TableScope table(String tablePath, int maxInstances, String... uniqueKeys) {
        return new TableScope(tablePath, maxInstances, List.of(uniqueKeys));
    }

    /** A table that exists but is empty (listed by GetParameterNames, no instances). */
    public SchemaBuilder emptyTable(String tablePath) {
        registerObjects(tablePath, null, tablePath.length());
        return this;
    }

    public SchemaBuilder command(String path, boolean async, List<String> inputArgs, List<String> outputArgs) {
        commands.add(new CommandDef(path, inputArgs, outputArgs, async));
        return this;
    }

    public SchemaBuilder event(String path, String... args) {
        commands.add(new CommandDef(path, List.of(args), List.of(), false));
        return this;
    }

    public ModelSchema build() {
        List<ObjectDef> objectDefs = new ArrayList<>(objects.size());
        for (Map.Entry<String, Presence> entry : objects.entrySet()) {
            String path = entry.getKey();
            boolean isTable = isTablePath(path);
            boolean writable = isTable ? tables.containsKey(path) || tables.containsKey(ModelSchema.generic(path))
                    : tables.containsKey(parentTable(path));
            objectDefs.add(new ObjectDef(path, writable, entry.getValue(), isTable));
        }
        return new ModelSchema(root, dataModelUri, params, objectDefs, tables, commands);
    }

    private void addParam(ParamDef def, Presence presence, int scopeBaseLength) {
        registerObjects(def.objectPath(), presence, scopeBaseLength);
        params.add(def);
    }

    /** Registers every object on the way to {@code objectPath}; those inside the scope carry its presence. */
    private void registerObjects(String objectPath, Presence presence, int scopeBaseLength) {
        if (!objectPath.startsWith(root)) {
            throw new IllegalArgumentException(objectPath + " is not under " + root);
        }
        int from = root.length();
        while (from < objectPath.length()) {
            int dot = objectPath.indexOf('.', from);
            String prefix = objectPath.substring(0, dot + 1);
            String tablePrefix = isInstancePath(prefix) ? prefix.substring(0, prefix.lastIndexOf('.', prefix.length() - 2) + 1) : null;
            if (tablePrefix != null) {
                objects.putIfAbsent(tablePrefix, null);
            }
            objects.putIfAbsent(prefix, prefix.length() >= scopeBaseLength ? presence : null);
            from = dot + 1;
        }
    }

    static boolean isInstancePath(String objectPath) {
        int end = objectPath.length() - 1;
        int start = objectPath.lastIndexOf('.', end - 1) + 1;
        if (start >= end) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (!Character.isDigit(objectPath.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private boolean isTablePath(String objectPath) {
        if (tables.containsKey(objectPath)) {
            return true;
        }
        for (String other : objects.keySet()) {
            if (other.length() > objectPath.length() && other.startsWith(objectPath)
                    && isInstancePath(other.substring(0, other.indexOf('.', objectPath.length()) + 1))) {
                return true;
            }
        }
        return false;
    }

    private static String parentTable(String instancePath) {
        if (!isInstancePath(instancePath)) {
            return "";
        }
        return instancePath.substring(0, instancePath.lastIndexOf('.', instancePath.length() - 2) + 1);
    }

    /** Adds parameters under one object path. */
    public final class ObjectScope {
        private final String base;
        private final Presence presence;

        private ObjectScope(String base, Presence presence) {
            if (!base.endsWith(".")) {
                throw new IllegalArgumentException("object path must end in '.': " + base);
            }
            this.base = base;
            this.presence = presence;
            registerObjects(base, presence, base.length());
        }

        public ObjectScope ro(String name, ParameterType type, ValueSource source) {
            addParam(new ParamDef(base + name, type, false, source, presence, null), presence, base.length());
            return this;
        }

        public ObjectScope ro(String name, String constant) {
            return ro(name, ParameterType.STRING, ValueSource.constant(constant));
        }

        public ObjectScope rw(String name, ParameterType type, ValueSource source) {
            return rw(name, type, source, null);
        }

        public ObjectScope rw(String name, ParameterType type, ValueSource source, ValueCheck check) {
            addParam(new ParamDef(base + name, type, true, source, presence, check), presence, base.length());
            return this;
        }

        public ObjectScope rw(String name, String constant) {
            return rw(name, ParameterType.STRING, ValueSource.constant(constant));
        }

        public String path() {
            return base;
        }
    }

    /** Declares the template of an addable table, then its factory instances. */
    public final class TableScope {
        private final String tablePath;
        private final int maxInstances;
        private final List<String> uniqueKeys;
        private final List<TableDef.Template> template = new ArrayList<>();

        private TableScope(String tablePath, int maxInstances, List<String> uniqueKeys) {
            this.tablePath = tablePath;
            this.maxInstances = maxInstances;
            this.uniqueKeys = uniqueKeys;
        }

        public TableScope column(String name, ParameterType type, boolean writable, String defaultValue) {
            return column(name, type, writable, defaultValue, null);
        }

        public TableScope column(String name, ParameterType type, boolean writable, String defaultValue, ValueCheck check) {
            template.add(new TableDef.Template(name, type, writable, defaultValue, check));
            return this;
        }

        /** Registers the table; {@code instances} factory instances take the defaults, overridden per instance. */
        public SchemaBuilder done(List<Map<String, String>> instances) {
            TableDef def = new TableDef(tablePath, template, uniqueKeys, maxInstances);
            tables.put(tablePath, def);
            if (tablePath.contains("{i}")) {
                // a table inside every instance of another: it exists with (and only with) each instance
                if (!instances.isEmpty()) {
                    throw new IllegalArgumentException("a nested table has no factory instances: " + tablePath);
                }
                return SchemaBuilder.this;
            }
            registerObjects(tablePath, null, tablePath.length());
            int number = 1;
            for (Map<String, String> overrides : instances) {
                String instance = tablePath + number++ + ".";
                registerObjects(instance, null, instance.length());
                for (TableDef.Template column : template) {
                    String value = overrides.getOrDefault(column.name(), column.defaultValue());
                    addParam(new ParamDef(instance + column.name(), column.type(), column.writable(),
                            ValueSource.constant(value), null, column.check()), null, instance.length());
                }
            }
            return SchemaBuilder.this;
        }
    }
}
