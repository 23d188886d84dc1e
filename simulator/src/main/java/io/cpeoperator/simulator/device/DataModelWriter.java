package io.cpeoperator.simulator.device;

import io.cpeoperator.bridge.twin.ParameterType;
import io.cpeoperator.simulator.model.ParamDef;
import io.cpeoperator.simulator.model.TableDef;
import io.cpeoperator.simulator.model.ValueCheck;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Changes a device's data model the way a careful CPE does: a write is validated completely first and applied
 * all-or-nothing; faults name each offending parameter with the code real devices use.
 */
public final class DataModelWriter {

    public static final String DIAGNOSTICS_STATE = "DiagnosticsState";
    public static final String REQUESTED = "Requested";
    private static final String COMPLETE = "Complete";
    private static final String ALIAS = "Alias";

    private DataModelWriter() {
    }

    /**
     * Applies all writes or none. The values actually stored (booleans normalised) are returned in request order.
     *
     * @throws DataModelException {@link Fault#INVALID_ARGUMENTS} with one {@link DataModelException.ParamFault} per
     *                            refused parameter
     */
    public static Map<String, String> set(VirtualDevice device, List<Write> writes, String parameterKey)
            throws DataModelException {
        synchronized (device) {
            List<DataModelException.ParamFault> faults = new ArrayList<>();
            Map<String, String> accepted = new LinkedHashMap<>();
            for (Write write : writes) {
                Target target = target(device, write.path());
                if (target == null) {
                    faults.add(new DataModelException.ParamFault(write.path(), Fault.INVALID_PATH,
                            "Path is invalid: " + write.path()));
                    continue;
                }
                if (!target.writable) {
                    faults.add(new DataModelException.ParamFault(write.path(), Fault.NOT_WRITABLE,
                            "Trying to perform a parameter set on read-only parameter " + write.path()));
                    continue;
                }
                if (write.declaredType() != null && write.declaredType() != ParameterType.UNKNOWN
                        && !compatible(write.declaredType(), target.type)) {
                    faults.add(new DataModelException.ParamFault(write.path(), Fault.INVALID_TYPE,
                            "Expected " + target.type.xsdName() + " but got " + write.declaredType().xsdName()));
                    continue;
                }
                String normalised = normalise(target.type, write.value());
                String reason = normalised == null ? "Invalid " + target.type.xsdName() + " value '" + write.value() + "'"
                        : target.check == null ? null : target.check.reject(normalised);
                if (reason != null) {
                    faults.add(new DataModelException.ParamFault(write.path(), Fault.INVALID_VALUE, reason));
                    continue;
                }
                if (write.path().endsWith("." + ALIAS) && aliasConflict(device, write.path(), normalised, accepted)) {
                    faults.add(new DataModelException.ParamFault(write.path(), Fault.INVALID_VALUE,
                            "Alias \"" + normalised + "\" is already used by another instance"));
                    continue;
                }
                accepted.put(write.path(), normalised);
            }
            if (!faults.isEmpty()) {
                throw new DataModelException(Fault.INVALID_ARGUMENTS, faults.get(0).message(), faults);
            }
            for (Map.Entry<String, String> entry : accepted.entrySet()) {
                store(device, entry.getKey(), entry.getValue());
            }
            device.parameterKey(parameterKey);
            return accepted;
        }
    }

    /** Creates an instance in an addable table; returns its instance number. */
    public static int addObject(VirtualDevice device, String tablePath, Map<String, String> initial, String parameterKey)
            throws DataModelException {
        synchronized (device) {
            TableDef table = device.schema().table(tablePath);
            if (table == null) {
                Fault fault = DataModelReader.objectExists(device, tablePath) ? Fault.NOT_A_TABLE : Fault.INVALID_PATH;
                throw new DataModelException(fault, "Object is not a table that accepts new instances: " + tablePath);
            }
            if (!DataModelReader.objectExists(device, tablePath)) {
                // a nested table whose parent instance does not exist
                throw new DataModelException(Fault.INVALID_PATH, "Path is invalid: " + DataModelReader.stripDot(tablePath));
            }
            List<Integer> existing = DataModelReader.instanceNumbers(device, tablePath);
            if (existing.size() >= table.maxInstances()) {
                throw new DataModelException(Fault.RESOURCES_EXCEEDED, "Table " + tablePath + " is full ("
                        + table.maxInstances() + " instances)");
            }
            String[] values = table.defaults();
            List<DataModelException.ParamFault> faults = new ArrayList<>();
            for (Map.Entry<String, String> entry : initial.entrySet()) {
                int column = table.indexOf(entry.getKey());
                if (column < 0) {
                    faults.add(new DataModelException.ParamFault(tablePath + "{i}." + entry.getKey(), Fault.INVALID_PATH,
                            "Path is invalid: " + tablePath + "{i}." + entry.getKey()));
                    continue;
                }
                TableDef.Template template = table.template().get(column);
                String normalised = normalise(template.type(), entry.getValue());
                String reason = normalised == null ? "Invalid " + template.type().xsdName() + " value"
                        : template.check() == null ? null : template.check().reject(normalised);
                if (reason != null) {
                    faults.add(new DataModelException.ParamFault(tablePath + "{i}." + entry.getKey(), Fault.INVALID_VALUE, reason));
                    continue;
                }
                values[column] = normalised;
            }
            if (!faults.isEmpty()) {
                throw new DataModelException(Fault.INVALID_ARGUMENTS, faults.get(0).message(), faults);
            }
            int aliasColumn = table.indexOf(ALIAS);
            if (aliasColumn >= 0 && !values[aliasColumn].isEmpty() && aliasTaken(device, tablePath, values[aliasColumn], -1)) {
                throw new DataModelException(Fault.DUPLICATE_KEY, "An instance with Alias \"" + values[aliasColumn]
                        + "\" already exists in " + tablePath);
            }
            int number = nextInstanceNumber(device, tablePath, existing);
            if (aliasColumn >= 0 && values[aliasColumn].isEmpty()) {
                values[aliasColumn] = "cpe-" + number;
            }
            device.createdInstances(tablePath, true).put(number, values);
            device.parameterKey(parameterKey);
            return number;
        }
    }

    /** Deletes an instance (static or created) and everything below it. */
    public static void deleteObject(VirtualDevice device, String instancePath, String parameterKey) throws DataModelException {
        synchronized (device) {
            if (!instancePath.endsWith(".") || !DataModelReader.objectExists(device, instancePath)) {
                throw new DataModelException(Fault.INVALID_PATH, "Path is invalid: " + DataModelReader.stripDot(instancePath));
            }
            String tablePath = instancePath.substring(0, instancePath.lastIndexOf('.', instancePath.length() - 2) + 1);
            Integer number = DataModelReader.parseInstance(instancePath.substring(tablePath.length(), instancePath.length() - 1));
            if (number == null || device.schema().table(tablePath) == null) {
                throw new DataModelException(Fault.REQUEST_DENIED, "Object cannot be deleted: " + instancePath);
            }
            device.forgetCreatedTablesUnder(instancePath);
            TreeMap<Integer, String[]> created = device.createdInstances(tablePath, false);
            if (created != null && created.remove(number) != null) {
                device.parameterKey(parameterKey);
                return;
            }
            device.markDeleted(instancePath);
            device.parameterKey(parameterKey);
        }
    }

    /** Alias is a unique key of every table that has one (TR-181 2.15, "Alias" unique keys). */
    private static boolean aliasTaken(VirtualDevice device, String tablePath, String alias, int except) {
        for (Integer number : DataModelReader.instanceNumbers(device, tablePath)) {
            if (number != except && alias.equals(DataModelReader.valueOf(device, tablePath + number + "." + ALIAS))) {
                return true;
            }
        }
        return false;
    }

    private static boolean aliasConflict(VirtualDevice device, String path, String alias, Map<String, String> alsoWritten) {
        String instance = path.substring(0, path.length() - ALIAS.length());
        String tablePath = instance.substring(0, instance.lastIndexOf('.', instance.length() - 2) + 1);
        Integer number = DataModelReader.parseInstance(instance.substring(tablePath.length(), instance.length() - 1));
        if (number == null || device.schema().table(tablePath) == null) {
            return false;
        }
        for (Map.Entry<String, String> other : alsoWritten.entrySet()) {
            if (other.getKey().startsWith(tablePath) && other.getKey().endsWith("." + ALIAS) && alias.equals(other.getValue())) {
                return true;
            }
        }
        return aliasTaken(device, tablePath, alias, number);
    }

    private static int nextInstanceNumber(VirtualDevice device, String tablePath, List<Integer> existing) {
        int max = existing.isEmpty() ? 0 : existing.get(existing.size() - 1);
        TreeMap<Integer, String[]> created = device.createdInstances(tablePath, false);
        if (created != null && !created.isEmpty()) {
            max = Math.max(max, created.lastKey());
        }
        // instance numbers are never reused while the device runs, as TR-069 3.6.1 asks
        String marker = tablePath + "#next";
        String stored = device.written(marker);
        int next = Math.max(max + 1, stored == null ? 1 : Integer.parseInt(stored));
        device.write(marker, Integer.toString(next + 1));
        return next;
    }

    private static void store(VirtualDevice device, String path, String value) {
        ParamDef def = device.schema().param(path);
        if (def != null) {
            device.write(path, completesAtOnce(def, path, value) ? COMPLETE : value);
            return;
        }
        for (Map.Entry<String, TreeMap<Integer, String[]>> table : device.allCreated().entrySet()) {
            if (path.startsWith(table.getKey())) {
                int dot = path.indexOf('.', table.getKey().length());
                Integer number = DataModelReader.parseInstance(path.substring(table.getKey().length(), dot));
                String[] values = number == null ? null : table.getValue().get(number);
                int column = device.schema().table(table.getKey()).indexOf(path.substring(dot + 1));
                if (values == null || column < 0) {
                    continue;
                }
                values[column] = value;
                return;
            }
        }
    }

    /**
     * A requested diagnostic whose results are live telemetry (the gateway's own periodic line check, the last
     * neighbour scan) is complete as soon as it is asked for: its DiagnosticsState reads "Complete" again.
     */
    private static boolean completesAtOnce(ParamDef def, String path, String value) {
        return REQUESTED.equals(value) && path.endsWith("." + DIAGNOSTICS_STATE)
                && (def.check() == null || def.check().reject(COMPLETE) == null);
    }

    private record Target(ParameterType type, boolean writable, ValueCheck check) {
    }

    private static Target target(VirtualDevice device, String path) {
        Param param = DataModelReader.param(device, path);
        if (param == null) {
            return null;
        }
        ParamDef def = device.schema().param(path);
        if (def != null) {
            return new Target(def.type(), def.writable(), def.check());
        }
        for (String tablePath : device.allCreated().keySet()) {
            if (path.startsWith(tablePath)) {
                TableDef table = device.schema().table(tablePath);
                int dot = path.indexOf('.', tablePath.length());
                int column = dot < 0 ? -1 : table.indexOf(path.substring(dot + 1));
                if (column < 0) {
                    continue;
                }
                TableDef.Template template = table.template().get(column);
                return new Target(template.type(), template.writable(), template.check());
            }
        }
        return null;
    }

    private static boolean compatible(ParameterType declared, ParameterType actual) {
        if (declared == actual) {
            return true;
        }
        // ACSs commonly send xsd:string for everything; real CPEs accept it if the text parses
        return declared == ParameterType.STRING;
    }

    /** The value as the device stores it, or null when it does not parse as the type. */
    static String normalise(ParameterType type, String value) {
        String v = value.trim();
        try {
            return switch (type) {
                case BOOLEAN -> switch (v.toLowerCase(java.util.Locale.ROOT)) {
                    case "true", "1" -> "true";
                    case "false", "0" -> "false";
                    default -> null;
                };
                case UNSIGNED_INT -> inRange(Long.parseLong(v), 0, 4_294_967_295L) ? v : null;
                case INT -> inRange(Long.parseLong(v), Integer.MIN_VALUE, Integer.MAX_VALUE) ? v : null;
                case LONG -> Long.toString(Long.parseLong(v));
                case UNSIGNED_LONG -> Long.parseUnsignedLong(v) >= 0 || v.charAt(0) != '-' ? v : null;
                case DATE_TIME -> {
                    OffsetDateTime.parse(v.length() == 19 ? v + "Z" : v);
                    yield v;
                }
                case DECIMAL -> {
                    new java.math.BigDecimal(v);
                    yield v;
                }
                case HEX_BINARY -> v.matches("([0-9A-Fa-f]{2})*") ? v : null;
                default -> value;
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }

    private static boolean inRange(long value, long min, long max) {
        return value >= min && value <= max;
    }
}
