package io.cpeoperator.simulator.model;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data model of one vendor model: every parameter and object with type, writability and value source. Built
 * once and shared by all devices of the model; a device keeps only what differs from it.
 */
public final class ModelSchema {

    private final String root;
    private final String dataModelUri;
    private final List<ParamDef> params;
    private final List<ObjectDef> objects;
    private final Map<String, ParamDef> paramsByPath;
    private final Map<String, ObjectDef> objectsByPath;
    private final Map<String, TableDef> tables;
    private final List<CommandDef> commands;

    ModelSchema(String root, String dataModelUri, List<ParamDef> params, List<ObjectDef> objects,
                Map<String, TableDef> tables, List<CommandDef> commands) {
        this.root = root;
        this.dataModelUri = dataModelUri;
        this.params = List.copyOf(params);
        this.objects = List.copyOf(objects);
        this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        this.commands = List.copyOf(commands);
        Map<String, ParamDef> byPath = new HashMap<>(params.size() * 2);
        for (ParamDef param : params) {
            if (byPath.put(param.path(), param) != null) {
                throw new IllegalStateException("parameter defined twice: " + param.path());
            }
        }
        this.paramsByPath = Collections.unmodifiableMap(byPath);
        Map<String, ObjectDef> objectMap = new HashMap<>(objects.size() * 2);
        for (ObjectDef object : objects) {
            objectMap.put(object.path(), object);
        }
        this.objectsByPath = Collections.unmodifiableMap(objectMap);
    }

    /** "Device." (TR-181) or "InternetGatewayDevice." (TR-098). */
    public String root() {
        return root;
    }

    /** e.g. {@code urn:broadband-forum-org:tr-181-2-15-0}. */
    public String dataModelUri() {
        return dataModelUri;
    }

    /** Parameters in definition order (the order GetParameterNames lists them in). */
    public List<ParamDef> params() {
        return params;
    }

    /** Objects in definition order, parents before children. */
    public List<ObjectDef> objects() {
        return objects;
    }

    public ParamDef param(String path) {
        return paramsByPath.get(path);
    }

    public ObjectDef object(String path) {
        return objectsByPath.get(path);
    }

    /** Tables accepting AddObject / Add, keyed by table path. */
    public Map<String, TableDef> tables() {
        return tables;
    }

    /**
     * The addable table at a concrete path; a table nested in instances ({@code Device.BulkData.Profile.{i}.Parameter.})
     * is found through any of its instances' paths ({@code Device.BulkData.Profile.3.Parameter.}).
     */
    public TableDef table(String path) {
        TableDef exact = tables.get(path);
        return exact != null || !hasInstanceSegment(path) ? exact : tables.get(generic(path));
    }

    /** The path with every instance number replaced by {@code {i}}. */
    public static String generic(String path) {
        StringBuilder out = new StringBuilder(path.length() + 8);
        int start = 0;
        while (start < path.length()) {
            int dot = path.indexOf('.', start);
            int end = dot < 0 ? path.length() : dot;
            String segment = path.substring(start, end);
            out.append(!segment.isEmpty() && segment.chars().allMatch(Character::isDigit) ? "{i}" : segment);
            if (dot >= 0) {
                out.append('.');
            }
            start = end + 1;
        }
        return out.toString();
    }

    private static boolean hasInstanceSegment(String path) {
        for (int i = 1; i < path.length(); i++) {
            if (Character.isDigit(path.charAt(i)) && path.charAt(i - 1) == '.') {
                return true;
            }
        }
        return false;
    }

    public List<CommandDef> commands() {
        return commands;
    }

    public int parameterCount() {
        return params.size();
    }
}
