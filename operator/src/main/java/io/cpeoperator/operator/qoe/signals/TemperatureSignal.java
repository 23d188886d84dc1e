package io.cpeoperator.operator.qoe.signals;

import java.util.Optional;

/** One temperature sensor with its own alarm value where it reports one (TR-181 uses -274 for "none"). */
public record TemperatureSignal(String name, Reading value, Optional<Reading> highAlarm) {
}
