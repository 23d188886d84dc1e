package io.cpeoperator.simulator.model;

import java.util.List;
import java.util.Map;

import static io.cpeoperator.bridge.twin.ParameterType.BOOLEAN;
import static io.cpeoperator.bridge.twin.ParameterType.DATE_TIME;
import static io.cpeoperator.bridge.twin.ParameterType.INT;
import static io.cpeoperator.bridge.twin.ParameterType.STRING;
import static io.cpeoperator.bridge.twin.ParameterType.UNSIGNED_INT;

/**
 * TR-181 {@code BulkData.}: profiles the ACS or controller creates (AddObject / USP Add, {@code Alias} unique) and
 * configures; {@code io.cpeoperator.simulator.bulkdata} collects and sends their reports. The same object exists
 * under {@code InternetGatewayDevice.} for TR-098 models (TR-098 Amendment 1 adopted TR-181's BulkData).
 */
public final class BulkDataSection {

    /** What the factory profile {@code Profile.1} ("telemetry") of a TR-181 model reports. */
    public static final List<String> FACTORY_REFERENCES = List.of(
            "Device.DeviceInfo.UpTime", "Device.DeviceInfo.ProcessStatus.CPUUsage", "Device.DeviceInfo.MemoryStatus.Free",
            "Device.DeviceInfo.TemperatureStatus.TemperatureSensor.1.Value", "Device.WiFi.Radio.1.Stats.Noise",
            "Device.WiFi.Radio.2.Stats.Noise", "Device.WiFi.AccessPoint.1.AssociatedDeviceNumberOfEntries",
            "Device.WiFi.AccessPoint.2.AssociatedDeviceNumberOfEntries", "Device.IP.Interface.1.Stats.BytesReceived",
            "Device.IP.Interface.1.Stats.BytesSent");

    public static final int MAX_PROFILES = 8;
    public static final int MAX_PARAMETER_REFERENCES = 64;
    /** Shortest ReportingInterval accepted, in seconds (simulated time, see {@code BulkDataCollector}). */
    public static final int MIN_REPORTING_INTERVAL = 60;

    private BulkDataSection() {
    }

    /**
     * @param root           {@code Device.} or {@code InternetGatewayDevice.}
     * @param usp            whether the device is a USP agent (adds the USPEventNotif protocol)
     * @param factoryProfile whether Profile.1 ("telemetry", {@link #FACTORY_REFERENCES}) comes with the device
     */
    static void define(SchemaBuilder b, String root, boolean usp, boolean factoryProfile) {
        String bulk = root + "BulkData.";
        String profiles = bulk + "Profile.";
        b.object(bulk)
                .rw("Enable", BOOLEAN, ValueSource.constant("true"))
                .ro("Status", STRING, d -> "true".equals(d.valueOf(bulk + "Enable")) ? "Enabled" : "Disabled")
                .ro("MinReportingInterval", UNSIGNED_INT, ValueSource.constant(Integer.toString(MIN_REPORTING_INTERVAL)))
                .ro("Protocols", usp ? "USPEventNotif,HTTP" : "HTTP")
                .ro("EncodingTypes", "JSON,CSV")
                .ro("ParameterWildCardSupported", BOOLEAN, ValueSource.constant("true"))
                .ro("MaxNumberOfProfiles", INT, ValueSource.constant(Integer.toString(MAX_PROFILES)))
                .ro("MaxNumberOfParameterReferences", INT, ValueSource.constant(Integer.toString(MAX_PARAMETER_REFERENCES)))
                .ro("ProfileNumberOfEntries", UNSIGNED_INT, d -> d.valueOf(profiles + "#count"));
        String protocols = usp ? "USPEventNotif" : "HTTP";
        b.table(profiles, MAX_PROFILES, "Alias")
                .column("Enable", BOOLEAN, true, "false")
                .column("Alias", STRING, true, "")
                .column("Name", STRING, true, "")
                .column("NumberOfRetainedFailedReports", INT, true, "3", ValueCheck.range(-1, 16))
                .column("Protocol", STRING, true, protocols, usp ? ValueCheck.oneOf("HTTP", "USPEventNotif")
                        : ValueCheck.oneOf("HTTP"))
                .column("EncodingType", STRING, true, "JSON", ValueCheck.oneOf("JSON", "CSV"))
                .column("ReportingInterval", UNSIGNED_INT, true, "86400",
                        ValueCheck.range(MIN_REPORTING_INTERVAL, 86_400 * 7))
                .column("TimeReference", DATE_TIME, true, "0001-01-01T00:00:00Z")
                .column("CSVEncoding.FieldSeparator", STRING, true, ",", ValueCheck.maxLength(1))
                .column("CSVEncoding.RowSeparator", STRING, true, "&#13;&#10;",
                        ValueCheck.oneOf("&#13;&#10;", "&#10;"))
                .column("CSVEncoding.EscapeCharacter", STRING, true, "&quot;", ValueCheck.oneOf("&quot;", ""))
                .column("CSVEncoding.ReportFormat", STRING, true, "ParameterPerColumn",
                        ValueCheck.oneOf("ParameterPerRow", "ParameterPerColumn"))
                .column("CSVEncoding.ReportTimestamp", STRING, true, "Unix-Epoch",
                        ValueCheck.oneOf("Unix-Epoch", "ISO-8601", "None"))
                .column("JSONEncoding.ReportFormat", STRING, true, "NameValuePair",
                        ValueCheck.oneOf("NameValuePair", "ObjectHierarchy"))
                .column("JSONEncoding.ReportTimestamp", STRING, true, "Unix-Epoch",
                        ValueCheck.oneOf("Unix-Epoch", "ISO-8601", "None"))
                .column("HTTP.URL", STRING, true, "", ValueCheck.maxLength(1024))
                .column("HTTP.Username", STRING, true, "", ValueCheck.maxLength(256))
                .column("HTTP.Password", STRING, true, "", ValueCheck.maxLength(256))
                .column("HTTP.CompressionsSupported", STRING, false, "None,GZIP")
                .column("HTTP.Compression", STRING, true, "None", ValueCheck.oneOf("None", "GZIP"))
                .column("HTTP.MethodsSupported", STRING, false, "POST")
                .column("HTTP.Method", STRING, true, "POST", ValueCheck.oneOf("POST"))
                .column("HTTP.UseDateHeader", BOOLEAN, true, "true")
                .column("HTTP.RetryEnable", BOOLEAN, true, "false")
                .column("HTTP.RetryMinimumWaitInterval", UNSIGNED_INT, true, "5", ValueCheck.range(1, 65535))
                .column("HTTP.RetryIntervalMultiplier", UNSIGNED_INT, true, "2000", ValueCheck.range(1000, 65535))
                .column("HTTP.PersistAcrossReboot", BOOLEAN, true, "false")
                .done(factoryProfile ? List.of(Map.of("Enable", "true", "Alias", "telemetry", "Name", "5-minute telemetry",
                        "ReportingInterval", "300")) : List.of());
        b.table(profiles + "{i}.Parameter.", MAX_PARAMETER_REFERENCES)
                .column("Name", STRING, true, "", ValueCheck.maxLength(256))
                .column("Reference", STRING, true, "", ValueCheck.maxLength(256))
                .done(List.of());
        b.table(profiles + "{i}.HTTP.RequestURIParameter.", 16)
                .column("Name", STRING, true, "", ValueCheck.maxLength(64))
                .column("Reference", STRING, true, "", ValueCheck.maxLength(256))
                .done(List.of());
        if (factoryProfile) {
            for (int i = 0; i < FACTORY_REFERENCES.size(); i++) {
                b.object(profiles + "1.Parameter." + (i + 1) + ".")
                        .rw("Name", STRING, ValueSource.constant(""), ValueCheck.maxLength(256))
                        .rw("Reference", STRING, ValueSource.constant(FACTORY_REFERENCES.get(i)), ValueCheck.maxLength(256));
            }
        }
    }
}
