package io.cpeoperator.operator.insights;

import java.time.ZoneOffset;

/** Hour of day and day of each window row, in the fleet's local time (a fixed offset from UTC). */
final class WindowClock {

    final int[] hourOfDay;
    final int[] day;
    final int days;

    WindowClock(long lastHour, int hours, ZoneOffset offset) {
        hourOfDay = new int[hours];
        day = new int[hours];
        long shift = offset.getTotalSeconds() / 3600;
        long first = lastHour - hours + 1;
        long firstDay = Math.floorDiv(first + shift, 24L);
        for (int r = 0; r < hours; r++) {
            long local = first + r + shift;
            hourOfDay[r] = (int) Math.floorMod(local, 24L);
            day[r] = (int) (Math.floorDiv(local, 24L) - firstDay);
        }
        days = day[hours - 1] + 1;
    }
}
