package io.cpeoperator.simulator.device;

import io.cpeoperator.simulator.model.ModelSchema;
import io.cpeoperator.simulator.model.ObjectDef;
import io.cpeoperator.simulator.model.ParamDef;
import io.cpeoperator.simulator.model.TableDef;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Reads a device's data model: the schema's present parameters and objects, the device's written values, and the
 * instances it was asked to create or delete.
 */
public final class DataModelReader {

    private static final String COUNT_SUFFIX = ".#count";

    private DataModelReader() {
    }

    /** Values of one parameter (full path) or of every parameter under an object (partial path ending in '.'). */
    public static List<Param> read(VirtualDevice device, String path) throws DataModelException {
        if (path.isEmpty() || path.endsWith(".")) {
            String prefix = path.isEmpty() ? device.schema().root() : path;
            if (!objectExists(device, prefix)) {
                throw new DataModelException(Fault.INVALID_PATH, "Path is invalid: " + stripDot(path));
            }
            List<Param> result = new ArrayList<>();
            forEach(device, prefix, result::add);
            return result;
        }
        Param param = param(device, path);
        if (param == null) {
            throw new DataModelException(Fault.INVALID_PATH, "Path is invalid: " + path);
        }
        return List.of(param);
    }

    /** One parameter, or null when the device has no such parameter right now. */
    public static Param param(VirtualDevice device, String path) {
        ParamDef def = device.schema().param(path);
        if (def != null) {
            if (!def.isPresent(device) || device.isDeleted(path)) {
                return null;
            }
            return new Param(def.path(), current(device, def), def.type(), def.writable());
        }
        for (Map.Entry<String, TreeMap<Integer, String[]>> table : device.allCreated().entrySet()) {
            String tablePath = table.getKey();
            if (!path.startsWith(tablePath)) {
                continue;
            }
            int dot = path.indexOf('.', tablePath.length());
            if (dot < 0) {
                continue;
            }
            Integer number = parseInstance(path.substring(tablePath.length(), dot));
            String[] values = number == null ? null : table.getValue().get(number);
            TableDef def2 = device.schema().table(tablePath);
            if (values == null || def2 == null || device.isDeleted(path)) {
                continue;
            }
            int column = def2.indexOf(path.substring(dot + 1));
            if (column < 0) {
                // perhaps a parameter of a table nested in this instance
                continue;
            }
            TableDef.Template template = def2.template().get(column);
            return new Param(path, masked(template.name(), values[column]), template.type(), template.writable());
        }
        return null;
    }

    /** Visits every present parameter under {@code prefix} (schema order, then created instances). */
    public static void forEach(VirtualDevice device, String prefix, Consumer<Param> visitor) {
        for (ParamDef def : device.schema().params()) {
            if (def.path().startsWith(prefix) && def.isPresent(device) && !device.isDeleted(def.path())) {
                visitor.accept(new Param(def.path(), current(device, def), def.type(), def.writable()));
            }
        }
        for (Map.Entry<String, TreeMap<Integer, String[]>> table : device.allCreated().entrySet()) {
            TableDef def = device.schema().table(table.getKey());
            for (Map.Entry<Integer, String[]> instance : table.getValue().entrySet()) {
                String instancePath = table.getKey() + instance.getKey() + ".";
                if (!(instancePath.startsWith(prefix) || prefix.startsWith(instancePath)) || device.isDeleted(instancePath)) {
                    continue;
                }
                for (int i = 0; i < def.template().size(); i++) {
                    TableDef.Template column = def.template().get(i);
                    String path = instancePath + column.name();
                    if (path.startsWith(prefix)) {
                        visitor.accept(new Param(path, masked(column.name(), instance.getValue()[i]), column.type(), column.writable()));
                    }
                }
            }
        }
    }

    /** True when the object (path ending in '.') exists on the device right now. */
    public static boolean objectExists(VirtualDevice device, String objectPath) {
        ObjectDef def = device.schema().object(objectPath);
        if (def != null) {
            return def.isPresent(device) && !device.isDeleted(objectPath);
        }
        for (String object : createdObjects(device)) {
            if (object.equals(objectPath)) {
                return true;
            }
        }
        return false;
    }

    /** True when the path names a multi-instance table ({@code Device.Hosts.Host.}). */
    public static boolean isTable(VirtualDevice device, String objectPath) {
        ObjectDef def = device.schema().object(objectPath);
        if (def != null) {
            return def.table();
        }
        return device.schema().table(objectPath) != null && objectExists(device, objectPath);
    }

    /** The instance numbers present in a table, ascending. */
    public static List<Integer> instanceNumbers(VirtualDevice device, String tablePath) {
        Set<Integer> numbers = new TreeSet<>();
        for (ObjectDef object : device.schema().objects()) {
            String path = object.path();
            if (path.length() > tablePath.length() && path.startsWith(tablePath)
                    && path.indexOf('.', tablePath.length()) == path.length() - 1) {
                Integer number = parseInstance(path.substring(tablePath.length(), path.length() - 1));
                if (number != null && object.isPresent(device) && !device.isDeleted(path)) {
                    numbers.add(number);
                }
            }
        }
        TreeMap<Integer, String[]> created = device.createdInstances(tablePath, false);
        if (created != null) {
            for (Integer number : created.keySet()) {
                if (!device.isDeleted(tablePath + number + ".")) {
                    numbers.add(number);
                }
            }
        }
        return new ArrayList<>(numbers);
    }

    /**
     * GetParameterNames: with {@code nextLevel} the direct children of an object; without, the object itself and
     * everything below it. Objects end in '.'.
     */
    public static List<NameEntry> names(VirtualDevice device, String path, boolean nextLevel) throws DataModelException {
        ModelSchema schema = device.schema();
        if (path.isEmpty()) {
            if (nextLevel) {
                return List.of(new NameEntry(schema.root(), false));
            }
            path = schema.root();
        }
        if (!path.endsWith(".")) {
            Param param = param(device, path);
            if (param == null) {
                throw new DataModelException(Fault.INVALID_PATH, "Path is invalid: " + path);
            }
            if (nextLevel) {
                throw new DataModelException(Fault.INVALID_ARGUMENTS, "NextLevel must be false for a parameter");
            }
            return List.of(new NameEntry(param.path(), param.writable()));
        }
        if (!objectExists(device, path)) {
            throw new DataModelException(Fault.INVALID_PATH, "Path is invalid: " + stripDot(path));
        }
        List<NameEntry> entries = new ArrayList<>();
        String base = path;
        if (!nextLevel) {
            entries.add(new NameEntry(base, objectWritable(device, base)));
        }
        Set<String> objects = new LinkedHashSet<>();
        for (ObjectDef object : schema.objects()) {
            if (object.path().startsWith(base) && !object.path().equals(base) && object.isPresent(device)
                    && !device.isDeleted(object.path())) {
                objects.add(object.path());
            }
        }
        objects.addAll(createdObjects(device));
        List<Param> params = new ArrayList<>();
        forEach(device, base, params::add);
        for (String object : objects) {
            if (object.startsWith(base) && !object.equals(base) && (!nextLevel || isChild(base, object))) {
                entries.add(new NameEntry(object, objectWritable(device, object)));
            }
        }
        for (Param param : params) {
            if (!nextLevel || param.objectPath().equals(base)) {
                entries.add(new NameEntry(param.path(), param.writable()));
            }
        }
        return entries;
    }

    static boolean objectWritable(VirtualDevice device, String objectPath) {
        ObjectDef def = device.schema().object(objectPath);
        if (def != null) {
            return def.writable();
        }
        return true;
    }

    /** Instance objects (and their sub-objects) the device created on request. */
    static List<String> createdObjects(VirtualDevice device) {
        List<String> objects = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Integer, String[]>> table : device.allCreated().entrySet()) {
            TableDef def = device.schema().table(table.getKey());
            for (Integer number : table.getValue().keySet()) {
                String instance = table.getKey() + number + ".";
                if (device.isDeleted(instance)) {
                    continue;
                }
                objects.add(instance);
                String nestedPrefix = ModelSchema.generic(instance);
                for (String nested : device.schema().tables().keySet()) {
                    if (nested.length() > nestedPrefix.length() && nested.startsWith(nestedPrefix)) {
                        objects.add(instance + nested.substring(nestedPrefix.length()));
                    }
                }
                for (TableDef.Template column : def.template()) {
                    int dot = column.name().lastIndexOf('.');
                    if (dot > 0 && !objects.contains(instance + column.name().substring(0, dot + 1))) {
                        objects.add(instance + column.name().substring(0, dot + 1));
                    }
                }
            }
        }
        return objects;
    }

    private static boolean isChild(String parent, String object) {
        int next = object.indexOf('.', parent.length());
        return next == object.length() - 1;
    }

    /**
     * The stored value of a parameter as the device itself uses it, secrets included (a read over a management
     * protocol shows passwords empty); null when the device has no such parameter.
     */
    public static String internalValue(VirtualDevice device, String path) {
        ParamDef def = device.schema().param(path);
        if (def != null) {
            return valueOf(device, path);
        }
        for (Map.Entry<String, TreeMap<Integer, String[]>> table : device.allCreated().entrySet()) {
            String tablePath = table.getKey();
            int dot = path.startsWith(tablePath) ? path.indexOf('.', tablePath.length()) : -1;
            if (dot < 0) {
                continue;
            }
            Integer number = parseInstance(path.substring(tablePath.length(), dot));
            String[] values = number == null ? null : table.getValue().get(number);
            TableDef tableDef = device.schema().table(tablePath);
            int column = values == null || tableDef == null ? -1 : tableDef.indexOf(path.substring(dot + 1));
            if (column >= 0 && !device.isDeleted(path)) {
                return values[column];
            }
        }
        return null;
    }

    static String current(VirtualDevice device, ParamDef def) {
        String written = device.written(def.path());
        return masked(def.name(), written != null ? written : def.source().valueFor(device));
    }

    /** Passwords read back empty (TR-069 A.3.2.1, TR-181 "hidden" values). */
    private static String masked(String name, String value) {
        return name.endsWith("Password") || name.endsWith("KeyPassphrase") ? "" : value;
    }

    static String valueOf(VirtualDevice device, String path) {
        if (path.endsWith(COUNT_SUFFIX)) {
            return Integer.toString(instanceNumbers(device, path.substring(0, path.length() - COUNT_SUFFIX.length() + 1)).size());
        }
        if (path.equals("#broker.host")) {
            return device.environment().brokerHost();
        }
        if (path.equals("#broker.port")) {
            return Integer.toString(device.environment().brokerPort());
        }
        if (path.startsWith("#")) {
            return credential(device, path);
        }
        ParamDef def = device.schema().param(path);
        if (def != null) {
            String written = device.written(path);
            return written != null ? written : def.source().valueFor(device);
        }
        Param param = param(device, path);
        return param == null ? null : param.value();
    }

    private static String credential(VirtualDevice device, String key) {
        DeviceEnvironment env = device.environment();
        return switch (key) {
            case "#acs.username" -> env.acsUsername().isEmpty() ? device.oui() + "-" + device.serialNumber() : env.acsUsername();
            case "#acs.password" -> env.acsPassword();
            case "#cr.username" -> env.crUsername().isEmpty() ? "cr-" + device.serialNumber() : env.crUsername();
            case "#cr.password" -> env.crPassword();
            case "#parameterKey" -> device.parameterKey();
            case "#inform.interval" -> Long.toString(env.informIntervalSeconds());
            default -> device.written(key);
        };
    }

    static Integer parseInstance(String text) {
        if (text.isEmpty() || text.length() > 9) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return null;
            }
        }
        return Integer.parseInt(text);
    }

    static String stripDot(String path) {
        return path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
    }
}
