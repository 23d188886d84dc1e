package io.cpeoperator.simulator.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The vendor models the simulator ships, and their schemas built once per protocol flavour. One catalog per
 * simulator: USP schemas carry the controller's endpoint ID and topic.
 */
public final class ModelCatalog {

    public static final VendorModel NORDLINK_AX3000 = new VendorModel("Nordlink Networks", "00D09E", "NL-AX3000",
            "Nordlink AX3000 dual-band Wi-Fi 6 home gateway", "HW1.2", VendorModel.DataModel.TR181,
            List.of("3.2.1", "3.4.0", "3.5.2"), "3.4.0", List.of(Band.GHZ_2_4, Band.GHZ_5), false, 524_288, true, true);
    /** Numbers its radios 5 GHz first (Radio.1 = 5 GHz), as some vendors do. */
    public static final VendorModel VEXON_VX7000 = new VendorModel("Vexon Broadband", "3C9066", "VX-7000",
            "Vexon VX-7000 VDSL2 gateway", "B2", VendorModel.DataModel.TR181,
            List.of("7.0.12", "7.1.3"), "7.0.12", List.of(Band.GHZ_5, Band.GHZ_2_4), false, 262_144, true, true);
    public static final VendorModel AURORA_MESH = new VendorModel("Aurora Mesh Systems", "A0B549", "MX-Mesh-S",
            "Aurora tri-band mesh satellite", "R3", VendorModel.DataModel.TR181,
            List.of("2.8.0", "2.9.1"), "2.8.0", List.of(Band.GHZ_2_4, Band.GHZ_5, Band.GHZ_5), true, 262_144, true,
            false);
    public static final VendorModel MERIDIAN_ONT = new VendorModel("Meridian Optical", "0C37DC", "HG658-ONT",
            "Meridian GPON ONT with integrated router", "VER.B", VendorModel.DataModel.TR098,
            List.of("V5R019C10S115", "V5R020C00S070"), "V5R019C10S115", List.of(Band.GHZ_2_4, Band.GHZ_5), false, 262_144, false,
            false);

    /** A tri-band Wi-Fi 7 gateway with a 6 GHz radio; PPPoE on its WAN. */
    public static final VendorModel NORDLINK_BE7200 = new VendorModel("Nordlink Networks", "00D09E", "NL-BE7200",
            "Nordlink BE7200 tri-band Wi-Fi 7 home gateway", "HW1.0", VendorModel.DataModel.TR181,
            List.of("1.0.4", "1.1.0"), "", List.of(Band.GHZ_2_4, Band.GHZ_5, Band.GHZ_6), false, 1_048_576, true, true);

    public static final List<VendorModel> ALL = List.of(NORDLINK_AX3000, VEXON_VX7000, AURORA_MESH, MERIDIAN_ONT,
            NORDLINK_BE7200);

    private final String controllerEndpointId;
    private final String controllerTopic;
    private final Map<Key, ModelSchema> schemas = new ConcurrentHashMap<>();

    public ModelCatalog(String controllerEndpointId, String controllerTopic) {
        this.controllerEndpointId = Objects.requireNonNull(controllerEndpointId, "controllerEndpointId");
        this.controllerTopic = Objects.requireNonNull(controllerTopic, "controllerTopic");
    }

    /** Models that can run the given protocol. */
    public static List<VendorModel> modelsFor(boolean usp) {
        return ALL.stream().filter(m -> !usp || m.uspCapable()).toList();
    }

    /**
     * The schema for a model managed over CWMP ({@code mqttVersion} null) or USP over MQTT ("5.0" / "3.1.1").
     */
    public ModelSchema schema(VendorModel model, String mqttVersion) {
        return schemas.computeIfAbsent(new Key(model, mqttVersion), key -> build(model, mqttVersion));
    }

    private ModelSchema build(VendorModel model, String mqttVersion) {
        if (model.dataModel() == VendorModel.DataModel.TR098) {
            if (mqttVersion != null) {
                throw new IllegalArgumentException(model.productClass() + " is a TR-098 model: CWMP only");
            }
            return Tr098Model.build(model);
        }
        SchemaBuilder b = new SchemaBuilder("Device.", "urn:broadband-forum-org:tr-181-2-15-0");
        b.object("Device.")
                .ro("RootDataModelVersion", "2.15")
                .ro("InterfaceStackNumberOfEntries", io.cpeoperator.bridge.twin.ParameterType.UNSIGNED_INT,
                        ValueSource.constant("0"));
        Tr181DeviceInfo.define(b, model, "Device.");
        if (mqttVersion == null) {
            ManagementSection.cwmp(b, "Device.");
        } else {
            ManagementSection.usp(b, controllerEndpointId, controllerTopic, mqttVersion);
        }
        Tr181WiFi.define(b, model);
        Tr181Network.define(b, model);
        BulkDataSection.define(b, "Device.", mqttVersion != null, true);
        return b.build();
    }

    private record Key(VendorModel model, String mqttVersion) {
    }
}
