package io.cpeoperator.simulator.device;

import io.cpeoperator.simulator.clock.ManualClock;
import io.cpeoperator.simulator.model.ModelCatalog;
import io.cpeoperator.simulator.model.VendorModel;
import io.cpeoperator.simulator.support.TestDevices;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever GetParameterNames lists, GetParameterValues can read: the ACS's full sync depends on it. */
class NamesReadableTest {

    @Test
    void everyListedNameIsReadable() throws Exception {
        ManualClock clock = new ManualClock(TestDevices.START);
        for (VendorModel model : ModelCatalog.ALL) {
            for (long seed = 1; seed <= 5; seed++) {
                VirtualDevice device = TestDevices.cwmp(model, clock, Set.of(), seed);
                List<String> unreadable = new ArrayList<>();
                for (NameEntry entry : DataModelReader.names(device, "", false)) {
                    try {
                        DataModelReader.read(device, entry.path());
                    } catch (DataModelException e) {
                        unreadable.add(entry.path());
                    }
                }
                assertThat(unreadable).as(model.productClass() + " seed " + seed).isEmpty();
            }
        }
    }
}
