package io.cpeoperator.simulator.model;

import io.cpeoperator.bridge.twin.ParameterType;

import java.util.List;
import java.util.Objects;

/**
 * A multi-instance table whose instances the ACS or controller may create and delete (AddObject / USP Add).
 * New instances take the template's defaults.
 *
 * @param path         table path ending in '.', e.g. {@code Device.NAT.PortMapping.}
 * @param template     the parameters of one instance, by relative name ({@code Enable}, {@code Stats.BytesSent})
 * @param uniqueKeys   relative names of the unique keys (USP GetInstances, AddResp)
 * @param maxInstances more than this many instances is refused with 9004 / 7005 (resources exceeded)
 */
public record TableDef(String path, List<Template> template, List<String> uniqueKeys, int maxInstances) {

    public TableDef {
        Objects.requireNonNull(path, "path");
        template = List.copyOf(template);
        uniqueKeys = List.copyOf(uniqueKeys);
        path = path.intern();
    }

    public int indexOf(String relativeName) {
        for (int i = 0; i < template.size(); i++) {
            if (template.get(i).name().equals(relativeName)) {
                return i;
            }
        }
        return -1;
    }

    public String[] defaults() {
        String[] values = new String[template.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = template.get(i).defaultValue();
        }
        return values;
    }

    /** One parameter of an instance. */
    public record Template(String name, ParameterType type, boolean writable, String defaultValue, ValueCheck check) {
        public Template {
            name = name.intern();
            defaultValue = defaultValue.intern();
        }
    }
}
