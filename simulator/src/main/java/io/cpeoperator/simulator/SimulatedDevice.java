package io.cpeoperator.simulator;

import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.simulator.bulkdata.BulkDataCollector;
import io.cpeoperator.simulator.device.BootCause;
import io.cpeoperator.simulator.device.DataModelException;
import io.cpeoperator.simulator.device.DataModelReader;
import io.cpeoperator.simulator.device.DataModelWriter;
import io.cpeoperator.simulator.device.Write;
import io.cpeoperator.simulator.device.Param;
import io.cpeoperator.simulator.device.VirtualDevice;
import io.cpeoperator.simulator.engine.DeviceLifecycle;
import io.cpeoperator.simulator.engine.ManagementAgent;

import java.util.List;

/** One device of a running simulator: its state, its power, and its protocol agent. */
public final class SimulatedDevice {

    private final VirtualDevice state;
    private final DeviceLifecycle lifecycle;
    private final ManagementAgent agent;
    private final BulkDataCollector bulkData;
    private final String accessNode;

    SimulatedDevice(VirtualDevice state, DeviceLifecycle lifecycle, ManagementAgent agent, BulkDataCollector bulkData,
                    String accessNode) {
        this.state = state;
        this.lifecycle = lifecycle;
        this.agent = agent;
        this.bulkData = bulkData;
        this.accessNode = accessNode;
    }

    /** The device's bulk-data profiles and what they sent. */
    public BulkDataCollector bulkData() {
        return bulkData;
    }

    /** The OLT / DSLAM the device hangs off ({@code olt-3}); see {@link AccessNetwork}. */
    public String accessNode() {
        return accessNode;
    }

    public DeviceId id() {
        return state.id();
    }

    public VirtualDevice state() {
        return state;
    }

    public ManagementAgent agent() {
        return agent;
    }

    /** The current value of a parameter, or null when the device has no such parameter right now. */
    public String value(String path) {
        Param param = DataModelReader.param(state, path);
        return param == null ? null : param.value();
    }

    /** Every parameter under a partial path (or one parameter). */
    public List<Param> read(String path) throws DataModelException {
        return DataModelReader.read(state, path);
    }

    /**
     * A change the subscriber makes locally (web UI, app): not through the management protocol, so it is reported
     * by value-change notification where one is set up.
     */
    public void localChange(String path, String value) throws DataModelException {
        DataModelWriter.set(state, List.of(Write.of(path, value)), null);
    }

    /** A power cycle by the subscriber. */
    public void powerCycle() {
        lifecycle.reboot(BootCause.LOCAL_REBOOT, "");
    }

    void scenariosChanged() {
        lifecycle.scenariosChanged();
    }

    /** A defect was declared for the version the device runs. */
    void firmwareDefectsChanged() {
        state.firmwareDefectsChanged();
        lifecycle.scenariosChanged();
    }

    void powerOn() {
        lifecycle.powerOn();
    }

    void powerOff() {
        lifecycle.powerOff();
    }
}
