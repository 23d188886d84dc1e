package io.cpeoperator.simulator.model;

import java.util.List;
import java.util.Map;

import static io.cpeoperator.bridge.twin.ParameterType.BOOLEAN;
import static io.cpeoperator.bridge.twin.ParameterType.DATE_TIME;
import static io.cpeoperator.bridge.twin.ParameterType.STRING;
import static io.cpeoperator.bridge.twin.ParameterType.UNSIGNED_INT;

/**
 * How the device is managed: {@code ManagementServer.} for CWMP, {@code LocalAgent.} plus {@code MQTT.Client.}
 * for USP ({@link BulkDataSection} has the bulk-data profiles both push telemetry with).
 */
final class ManagementSection {

    private ManagementSection() {
    }

    static void cwmp(SchemaBuilder b, String root) {
        String ms = root + "ManagementServer.";
        b.object(ms)
                .rw("URL", STRING, ValueSource.constant(""), ValueCheck.maxLength(256))
                .rw("Username", STRING, d -> d.valueOf("#acs.username"), ValueCheck.maxLength(256))
                .rw("Password", STRING, d -> d.valueOf("#acs.password"), ValueCheck.maxLength(256))
                .rw("PeriodicInformEnable", BOOLEAN, ValueSource.constant("true"))
                .rw("PeriodicInformInterval", UNSIGNED_INT, d -> d.valueOf("#inform.interval"), ValueCheck.range(1, 86_400 * 7))
                .rw("PeriodicInformTime", DATE_TIME, ValueSource.constant("0001-01-01T00:00:00Z"))
                .ro("ParameterKey", STRING, d -> d.valueOf("#parameterKey"))
                .ro("ConnectionRequestURL", STRING, DeviceFacts::connectionRequestUrl)
                .rw("ConnectionRequestUsername", STRING, d -> d.valueOf("#cr.username"), ValueCheck.maxLength(256))
                .rw("ConnectionRequestPassword", STRING, d -> d.valueOf("#cr.password"), ValueCheck.maxLength(256))
                .rw("UpgradesManaged", BOOLEAN, ValueSource.constant("true"))
                .rw("DefaultActiveNotificationThrottle", UNSIGNED_INT, ValueSource.constant("0"))
                .rw("CWMPRetryMinimumWaitInterval", UNSIGNED_INT, ValueSource.constant("5"), ValueCheck.range(1, 65535))
                .rw("CWMPRetryIntervalMultiplier", UNSIGNED_INT, ValueSource.constant("2000"), ValueCheck.range(1000, 65535))
                .ro("AliasBasedAddressing", BOOLEAN, ValueSource.constant("false"))
                .ro("SupportedConnReqMethods", "HTTP");
    }

    static void usp(SchemaBuilder b, String controllerEndpoint, String controllerTopic, String mqttVersion) {
        String la = "Device.LocalAgent.";
        b.object(la)
                .ro("EndpointID", STRING, DeviceFacts::endpointId)
                .ro("SoftwareVersion", STRING, DeviceFacts::softwareVersion)
                .ro("UpTime", UNSIGNED_INT, d -> Long.toString(d.uptimeSeconds()))
                .ro("SupportedProtocols", "MQTT")
                .ro("MTPNumberOfEntries", UNSIGNED_INT, ValueSource.constant("1"))
                .ro("ControllerNumberOfEntries", UNSIGNED_INT, ValueSource.constant("1"))
                .ro("SubscriptionNumberOfEntries", UNSIGNED_INT, d -> d.valueOf(la + "Subscription.#count"))
                .ro("RequestNumberOfEntries", UNSIGNED_INT, ValueSource.constant("0"))
                .ro("CertificateNumberOfEntries", UNSIGNED_INT, ValueSource.constant("0"));
        b.object(la + "MTP.1.")
                .ro("Alias", "cpe-1")
                .rw("Enable", BOOLEAN, ValueSource.constant("true"))
                .ro("Status", "Up")
                .ro("Protocol", "MQTT")
                .ro("MQTT.Reference", "Device.MQTT.Client.1")
                .ro("MQTT.ResponseTopicConfigured", STRING, d -> "usp/agent/" + d.endpointId())
                .ro("MQTT.ResponseTopicDiscovered", "")
                .rw("MQTT.PublishQoS", UNSIGNED_INT, ValueSource.constant("0"), ValueCheck.range(0, 2));
        String controller = la + "Controller.1.";
        b.object(controller)
                .ro("Alias", "cpe-1")
                .ro("EndpointID", controllerEndpoint)
                .rw("Enable", BOOLEAN, ValueSource.constant("true"))
                .ro("AssignedRole", "Device.LocalAgent.ControllerTrust.Role.1")
                .rw("ProvisioningCode", STRING, ValueSource.constant(""), ValueCheck.maxLength(64))
                .rw("PeriodicNotifInterval", UNSIGNED_INT, ValueSource.constant("86400"), ValueCheck.range(1, 864_000))
                .rw("PeriodicNotifTime", DATE_TIME, ValueSource.constant("0001-01-01T00:00:00Z"))
                .ro("MTPNumberOfEntries", UNSIGNED_INT, ValueSource.constant("1"))
                .ro("BootParameterNumberOfEntries", UNSIGNED_INT, ValueSource.constant("2"));
        b.object(controller + "MTP.1.")
                .ro("Alias", "cpe-1")
                .ro("Enable", BOOLEAN, ValueSource.constant("true"))
                .ro("Protocol", "MQTT")
                .ro("MQTT.Reference", "Device.MQTT.Client.1")
                .ro("MQTT.Topic", controllerTopic);
        String[] bootParams = {"Device.DeviceInfo.SerialNumber", "Device.DeviceInfo.SoftwareVersion"};
        for (int i = 1; i <= 2; i++) {
            b.object(controller + "BootParameter." + i + ".")
                    .ro("Alias", "bp-" + i)
                    .ro("Enable", BOOLEAN, ValueSource.constant("true"))
                    .ro("ParameterName", bootParams[i - 1]);
        }
        b.table(la + "Subscription.", 64, "ID", "Recipient")
                .column("Alias", STRING, true, "")
                .column("Enable", BOOLEAN, true, "false")
                .column("ID", STRING, true, "")
                .column("Recipient", STRING, false, "Device.LocalAgent.Controller.1")
                .column("CreationDate", DATE_TIME, false, "0001-01-01T00:00:00Z")
                .column("NotifType", STRING, true, "ValueChange", ValueCheck.oneOf("ValueChange", "ObjectCreation",
                        "ObjectDeletion", "OperationComplete", "Event"))
                .column("ReferenceList", STRING, true, "")
                .column("Persistent", BOOLEAN, true, "false")
                .column("TimeToLive", UNSIGNED_INT, true, "0")
                .column("NotifRetry", BOOLEAN, true, "false")
                .column("NotifExpiration", UNSIGNED_INT, true, "300")
                .done(List.of(Map.of("Alias", "boot-sub", "Enable", "true", "ID", "boot-1", "NotifType", "Event",
                        "ReferenceList", "Device.Boot!", "Persistent", "true", "NotifRetry", "true")));
        b.object("Device.MQTT.").ro("ClientNumberOfEntries", UNSIGNED_INT, ValueSource.constant("1"));
        b.object("Device.MQTT.Client.1.")
                .ro("Alias", "cpe-1")
                .rw("Enable", BOOLEAN, ValueSource.constant("true"))
                .ro("Status", "Connected")
                .ro("Name", "usp")
                .ro("ProtocolVersion", mqttVersion)
                .ro("BrokerAddress", STRING, d -> d.valueOf("#broker.host"))
                .ro("BrokerPort", UNSIGNED_INT, d -> d.valueOf("#broker.port"))
                .ro("ClientID", STRING, DeviceFacts::endpointId)
                .rw("KeepAliveTime", UNSIGNED_INT, ValueSource.constant("60"), ValueCheck.range(0, 65535))
                .ro("RequestResponseInfo", BOOLEAN, ValueSource.constant("false"));
        b.command("Device.Reboot()", false, List.of(), List.of())
                .command("Device.FactoryReset()", false, List.of(), List.of())
                .command("Device.SelfTestDiagnostics()", true, List.of(), List.of("Status", "Results"))
                .command("Device.DeviceInfo.FirmwareImage.{i}.Download()", true,
                        List.of("URL", "AutoActivate", "Username", "Password", "FileSize", "CheckSumAlgorithm", "CheckSum"),
                        List.of())
                .command("Device.DeviceInfo.FirmwareImage.{i}.Activate()", true, List.of(), List.of())
                .command("Device.IP.Diagnostics.IPPing()", true,
                        List.of("Interface", "Host", "NumberOfRepetitions", "Timeout", "DataBlockSize"),
                        List.of("Status", "SuccessCount", "FailureCount", "AverageResponseTime", "MinimumResponseTime",
                                "MaximumResponseTime"))
                .command("Device.LocalAgent.Controller.{i}.SendOnBoardRequest()", false, List.of(), List.of())
                .event("Device.Boot!", "CommandKey", "Cause", "FirmwareUpdated", "ParameterMap")
                .event("Device.LocalAgent.Periodic!")
                .event("Device.LocalAgent.TransferComplete!", "Command", "CommandKey", "Requestor", "TransferType",
                        "Affected", "TransferURL", "StartTime", "CompleteTime", "FaultCode", "FaultString")
                .event("Device.BulkData.Profile.{i}.Push!", "Data");
    }
}
