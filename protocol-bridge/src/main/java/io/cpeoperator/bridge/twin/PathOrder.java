package io.cpeoperator.bridge.twin;

import java.util.Comparator;

/**
 * Orders parameter paths as a person reads a data model: segment by segment, instance numbers numerically
 * ({@code Host.2} before {@code Host.10}), names by their characters. Allocates nothing.
 */
public final class PathOrder implements Comparator<String> {

    public static final PathOrder INSTANCE = new PathOrder();

    private PathOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int endA = segmentEnd(a, i);
            int endB = segmentEnd(b, j);
            int bySegment = compareSegments(a, i, endA, b, j, endB);
            if (bySegment != 0) {
                return bySegment;
            }
            i = endA + 1;
            j = endB + 1;
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int segmentEnd(String s, int from) {
        int dot = s.indexOf('.', from);
        return dot < 0 ? s.length() : dot;
    }

    private static int compareSegments(String a, int startA, int endA, String b, int startB, int endB) {
        if (isNumber(a, startA, endA) && isNumber(b, startB, endB)) {
            int byLength = Integer.compare(endA - startA, endB - startB);
            if (byLength != 0) {
                return byLength;
            }
        }
        int lengthA = endA - startA;
        int lengthB = endB - startB;
        for (int k = 0; k < Math.min(lengthA, lengthB); k++) {
            int diff = a.charAt(startA + k) - b.charAt(startB + k);
            if (diff != 0) {
                return diff;
            }
        }
        return Integer.compare(lengthA, lengthB);
    }

    private static boolean isNumber(String s, int start, int end) {
        if (start == end) {
            return false;
        }
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
