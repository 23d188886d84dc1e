package io.cpeoperator.operator.fleet.rollout;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class WaveOrderTest {

    record Box(String name, String model, String node) {
    }

    @Test
    void theFirstDevicesComeFromEveryModelAndAccessNode() {
        List<Box> boxes = new ArrayList<>();
        // one model dominates: 90 % of the fleet
        for (int i = 0; i < 900; i++) {
            boxes.add(new Box("a-" + i, "ModelA", "olt-" + (i % 3)));
        }
        for (int i = 0; i < 100; i++) {
            boxes.add(new Box("b-" + i, i % 2 == 0 ? "ModelB" : "ModelC", "olt-" + (i % 3)));
        }
        List<Box> order = WaveOrder.order(boxes, b -> b.model() + "|" + b.node(), Box::name, "9.0.0");

        List<Box> first = order.subList(0, 9);
        assertThat(first.stream().map(Box::model).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("ModelA", "ModelB", "ModelC");
        assertThat(first.stream().map(Box::node).collect(Collectors.toSet())).hasSize(3);
        assertThat(order).hasSize(1000).doesNotHaveDuplicates();
    }

    @Test
    void theOrderIsTheSameEveryTimeForAVersionAndDiffersBetweenVersions() {
        List<Box> boxes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            boxes.add(new Box("d-" + i, "M", ""));
        }
        List<Box> once = WaveOrder.order(boxes, Box::model, Box::name, "9.0.0");
        List<Box> shuffledInput = new ArrayList<>(boxes);
        java.util.Collections.reverse(shuffledInput);
        assertThat(WaveOrder.order(shuffledInput, Box::model, Box::name, "9.0.0")).isEqualTo(once);
        Set<Box> firstTen = Set.copyOf(once.subList(0, 10));
        assertThat(Set.copyOf(WaveOrder.order(boxes, Box::model, Box::name, "9.1.0").subList(0, 10)))
                .isNotEqualTo(firstTen);
    }
}
